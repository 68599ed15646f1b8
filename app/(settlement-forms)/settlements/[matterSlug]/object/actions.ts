"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { publicAction } from "@/lib/server/actions/action-client";
import { settlementResponseLimits } from "@/lib/server/rate-limit/limits";
import { submitObjection, type ObjectionDocument } from "@/lib/server/settlement/submit-objection";

export const submitObjectionAction = publicAction(
  (request, input) => settlementResponseLimits("objection", request.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined),
  async ({ request, form, input }, matterSlug: string) => {
    const upload = form.get("document");
    // An empty file input sends a nameless, empty file: no document.
    const document: ObjectionDocument | null = upload instanceof File && (upload.size > 0 || upload.name) ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
    const result = await submitObjection(matterSlug, input, document, { ip: request.ip, locale: await getLocale() });
    redirect(`/settlements/${matterSlug}/object/confirmation?ref=${encodeURIComponent(result.number)}`);
  },
);
