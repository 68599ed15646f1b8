"use server";

import { redirect } from "next/navigation";
import { matterAction } from "@/lib/server/actions/action-client";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";

export const createPlaintiffAction = matterAction("plaintiffs.write", async ({ actor, input }, matterId) => {
  const plaintiff = await createPlaintiff(actor, matterId, input);
  redirect(`/matters/${matterId}/plaintiffs?saved=${plaintiff.id}`);
});

export const updatePlaintiffAction = matterAction("plaintiffs.write", async ({ actor, input }, matterId, plaintiffId: string) => {
  await updatePlaintiff(actor, matterId, plaintiffId, input);
  redirect(`/matters/${matterId}/plaintiffs?saved=${plaintiffId}`);
});
