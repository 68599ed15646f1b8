"use client";

import { useState, type FormEvent } from "react";
import { FileArchive } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import type { DialogAction } from "@/components/ledger/use-dialog-action";
import { IDLE } from "@/lib/action-state";
import { LooseFilesRefused, zipLooseFiles } from "@/lib/intake/loose-files-zip";

type Errors = Record<string, string[]>;
type Staged = { sha256: string; fileName: string };

const LABELS = { archive: "ZIP archive", files: "Or loose files", loadFile: "Load file (CSV)" };

// Uploads the ZIP (and its load file) to the intake file route, hashed as they arrive, then
// starts the batch; the batch page shows its progress. Loose files chosen instead are wrapped
// in the browser into one uncompressed ZIP (lib/intake/loose-files-zip.ts), so they make one
// batch with the same progress, failure report and re-run rule as an uploaded ZIP.
export function IntakeForm({ matterId, startAction, submissionKey }: { matterId: string; startAction: DialogAction; submissionKey: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ label: string; loaded: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = (file: File, role: "archive" | "load-file", field: string) =>
    new Promise<Staged>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/matters/${matterId}/intake/files?role=${role}`);
      xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = (e) => setProgress({ label: `Uploading ${file.name}`, loaded: e.loaded, total: file.size });
      xhr.onload = () => {
        let answer: { file?: Staged; error?: { message: string; fieldErrors?: Errors } } = {};
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          answer = { error: { message: `The server answered ${xhr.status}.` } };
        }
        if (xhr.status < 300 && answer.file) resolve(answer.file);
        else reject({ [field]: [answer.error?.message ?? `Upload failed (${xhr.status}).`] });
      };
      xhr.onerror = () => reject({ [field]: ["The connection was lost; nothing was stored. Try again."] });
      xhr.send(file);
    });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const chosenArchive = data.get("archive");
    const loose = data.getAll("files").filter((f): f is File => f instanceof File && f.name !== "");
    const loadFile = data.get("loadFile");
    const hasArchive = chosenArchive instanceof File && chosenArchive.size > 0;
    if (hasArchive && loose.length > 0) {
      setErrors({ files: ["Choose a ZIP archive or loose files, not both"] });
      return;
    }
    if (!hasArchive && loose.length === 0) {
      setErrors({ archive: ["Choose the ZIP archive to take in, or loose files"] });
      return;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      let archive = chosenArchive as File;
      if (!hasArchive) {
        const zipped = await zipLooseFiles(
          loose.map((f) => ({ path: f.webkitRelativePath || f.name, blob: f, lastModified: f.lastModified })),
          (read, total) => setProgress({ label: `Reading ${loose.length.toLocaleString("en-US")} files`, loaded: read, total }),
        ).catch((error: unknown) => {
          throw { files: [error instanceof LooseFilesRefused ? error.message : "The files could not be read; choose them again."] };
        });
        archive = new File([zipped], `${loose.length} loose file${loose.length === 1 ? "" : "s"}.zip`, { type: "application/zip" });
      }
      const stagedArchive = await send(archive, "archive", hasArchive ? "archive" : "files");
      const stagedLoadFile = loadFile instanceof File && loadFile.size > 0 ? await send(loadFile, "load-file", "loadFile") : null;
      setProgress(null);
      const start = new FormData();
      start.set("archiveSha256", stagedArchive.sha256);
      start.set("archiveName", stagedArchive.fileName);
      if (stagedLoadFile) {
        start.set("loadFileSha256", stagedLoadFile.sha256);
        start.set("loadFileName", stagedLoadFile.fileName);
      }
      start.set("submissionKey", submissionKey);
      // On success the action redirects to the batch's progress page.
      const state = await startAction(IDLE, start);
      if (state.status === "error") setMessage(state.message);
    } catch (failure) {
      setErrors(failure as Errors);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-4 rounded-lg border p-4" aria-busy={busy}>
      <FormErrorSummary errors={errors} labels={LABELS} />
      {message && (
        <Alert variant="destructive">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      )}
      <Field
        label={LABELS.archive}
        htmlFor="archive"
        error={errors.archive}
        required
        description="Up to 65,536 files and 2 GiB uncompressed. Each file becomes an exhibit; an e-mail's attachments are numbered right after it. Archives inside are kept as files, not opened."
      >
        <Input id="archive" name="archive" type="file" accept=".zip,application/zip" disabled={busy} onChange={() => setErrors({})} />
      </Field>
      <Field
        label={LABELS.files}
        htmlFor="files"
        error={errors.files}
        description="Many files chosen at once instead of a ZIP: they become one batch, with the same progress and failure report. A load file names them by file name."
      >
        <Input id="files" name="files" type="file" multiple disabled={busy} onChange={() => setErrors({})} data-testid="intake-loose-files" />
      </Field>
      <Field
        label={LABELS.loadFile}
        htmlFor="loadFile"
        error={errors.loadFile}
        description="Optional. One row per file: a path column (as inside the ZIP) and any of title, custodian, source, date obtained (YYYY-MM-DD), collector."
      >
        <Input id="loadFile" name="loadFile" type="file" accept=".csv,text/csv" disabled={busy} onChange={() => setErrors({})} />
      </Field>
      {progress && <Progress label={progress.label} value={progress.loaded >= progress.total ? null : progress.loaded} max={progress.total || 1} />}
      <div>
        <Button type="submit" disabled={busy}>
          <FileArchive aria-hidden /> {busy ? "Uploading…" : "Start intake"}
        </Button>
      </div>
    </form>
  );
}
