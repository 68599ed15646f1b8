import { z } from "zod";
import { ZCalendarDate, ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";
import { ZSha256 } from "@/lib/schemas/exhibit";

// One row of a bulk intake's load file (lib/intake/load-file.ts reads the CSV). Every fact is
// optional: a file without a title keeps its file name, a blank fact stays blank.
export const ZLoadFileRow = z
  .object({
    path: ZText().min(1).max(1024, "Path must be at most 1,024 characters"),
    title: ZOptionalText(300, "Title"),
    source: ZOptionalText(500, "Source"),
    custodian: ZOptionalText(200, "Custodian"),
    obtainedAt: ZCalendarDate.optional(),
    collectedBy: ZOptionalText(200, "Collected by"),
  })
  .strict();
export type TLoadFileRow = z.infer<typeof ZLoadFileRow>;

const ZStagedName = ZText({ error: "Missing file name" }).trim().min(1, "Missing file name").max(255, "File names must be at most 255 characters");

// Starts a batch over a ZIP (and a load file) already uploaded to POST …/intake/files.
export const ZStartIntake = z
  .object({
    archiveSha256: ZSha256,
    archiveName: ZStagedName,
    loadFileSha256: ZSha256.optional(),
    loadFileName: ZStagedName.optional(),
    submissionKey: ZSubmissionKey,
  })
  .strict()
  .refine((v) => !v.loadFileSha256 === !v.loadFileName, { path: ["loadFileName"], message: "A load file needs both its name and its hash" });
export type TStartIntake = z.infer<typeof ZStartIntake>;

export const INTAKE_FILE_ROLES = ["archive", "load-file"] as const;
export const ZIntakeFileRole = z.enum(INTAKE_FILE_ROLES, { error: "Say whether the file is the archive or its load file" });
