"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { AppError } from "@/lib/app-error";
import { importPaymentStatus, MAX_STATUS_FILE_BYTES } from "@/lib/server/distribution/import-payment-status";

const path = (matterId: string) => `/matters/${matterId}/claims/distribution`;

export const computeDistributionAction = matterAction("distribution.prepare", async ({ actor, input }, matterId) => {
  await computeDistribution(actor, matterId, input);
  revalidatePath(path(matterId));
  return done("Distribution preview computed.");
});

export const lockDistributionAction = matterAction("distribution.lock", async ({ actor, input }, matterId, runId: string) => {
  await lockDistribution(actor, matterId, runId, input);
  revalidatePath(path(matterId));
  return done("Distribution locked.");
});

export const importPaymentStatusAction = matterAction("payments.reconcile", async ({ actor, form }, matterId, runId: string) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw AppError.validation({ file: ["Choose the status file (CSV)"] });
  if (file.size > MAX_STATUS_FILE_BYTES) throw AppError.validation({ file: ["The status file is larger than 10 MB: split it"] });
  const r = await importPaymentStatus(actor, matterId, runId, await file.text());
  revalidatePath(path(matterId));
  return done(`${r.rows.toLocaleString("en-US")} rows: ${r.paid.toLocaleString("en-US")} paid, ${r.failed.toLocaleString("en-US")} failed, ${r.returned.toLocaleString("en-US")} returned, ${r.unchanged.toLocaleString("en-US")} unchanged.`);
});
