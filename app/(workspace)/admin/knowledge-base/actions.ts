"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/app-error";
import { KB_IMPORT_MAX_BYTES } from "@/lib/schemas/knowledge-base";
import { accountAction, done } from "@/lib/server/actions/action-client";
import { deleteSdkSignature } from "@/lib/server/knowledge-base/delete-sdk-signature";
import { deleteTrackerDomain } from "@/lib/server/knowledge-base/delete-tracker-domain";
import { importExodus } from "@/lib/server/knowledge-base/import-exodus";
import { importKbCsv } from "@/lib/server/knowledge-base/import-kb-csv";
import { saveSdkSignature } from "@/lib/server/knowledge-base/save-sdk-signature";
import { saveTrackerDomain } from "@/lib/server/knowledge-base/save-tracker-domain";

const PATH = "/admin/knowledge-base";

function uploaded(form: FormData): File {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw AppError.validation({ file: ["Choose a file to import"] });
  if (file.size > KB_IMPORT_MAX_BYTES) throw AppError.validation({ file: ["The file is larger than 5 MB; split it and import the parts."] });
  return file;
}

export const saveTrackerDomainAction = accountAction("admin.kb", async ({ actor, input }) => {
  const { row, changed } = await saveTrackerDomain(actor, input);
  revalidatePath(PATH);
  return done(changed ? `Saved ${row.domain}. Later analyses use it.` : `${row.domain} already says exactly this; nothing changed.`);
});

export const deleteTrackerDomainAction = accountAction("admin.kb", async ({ actor, input }) => {
  const row = await deleteTrackerDomain(actor, input);
  revalidatePath(PATH);
  return done(`Deleted ${row.domain}.`);
});

export const saveSdkSignatureAction = accountAction("admin.kb", async ({ actor, input }) => {
  const { row, changed } = await saveSdkSignature(actor, input);
  revalidatePath(PATH);
  return done(changed ? `Saved ${row.prefix}.` : `${row.prefix} already says exactly this; nothing changed.`);
});

export const deleteSdkSignatureAction = accountAction("admin.kb", async ({ actor, input }) => {
  const row = await deleteSdkSignature(actor, input);
  revalidatePath(PATH);
  return done(`Deleted ${row.prefix}.`);
});

export const importKbCsvAction = accountAction("admin.kb", async ({ actor, form }) => {
  const file = uploaded(form);
  const run = await importKbCsv(actor, { name: file.name, size: file.size, stream: file.stream() });
  revalidatePath(PATH);
  return done(
    `${run.fileName}: ${run.rows} rows read; ${run.added} added, ${run.updated} updated, ${run.unchanged} unchanged, ${run.refused} refused${run.refused ? " (download the refused rows below)" : ""}.`,
  );
});

export const importExodusAction = accountAction("admin.kb", async ({ actor, form }) => {
  const file = uploaded(form);
  const run = await importExodus(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  revalidatePath(PATH);
  return done(
    `${run.fileName}: ${run.trackers} trackers gave ${run.rows} domains and signatures; ${run.added} added, ${run.updated} updated, ${run.unchanged} unchanged, ${run.refused} signatures skipped as patterns or duplicates.`,
  );
});
