"use server";

import { redirect } from "next/navigation";
import { matterAction } from "@/lib/server/actions/action-client";
import { startIntake } from "@/lib/server/intake/start-intake";

export const startIntakeAction = matterAction("exhibits.upload", async ({ actor, input }, matterId) => {
  const batch = await startIntake(actor, matterId, input);
  redirect(`/matters/${matterId}/exhibits/intake/${batch.id}`);
});
