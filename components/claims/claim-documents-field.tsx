"use client";

import { useRef, useState } from "react";
import { FileText, Paperclip, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { fieldErrorId } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { MAX_ATTACHMENT_BYTES, MAX_CLAIM_DOCUMENTS } from "@/lib/schemas/claim";

// A document on the form: uploaded from this page (named by its token), or held by the saved
// form this page resumed (named by its id).
export type FormDocument = { key: string; filename: string } & ({ token: string } | { draftUploadId: string });
type Uploading = { key: string; filename: string; percent: number };

const ACCEPT = "application/pdf,image/jpeg,image/png,image/heic,image/webp,.pdf,.jpg,.jpeg,.png,.heic,.webp";

// Each chosen file goes up at once (POST /api/v1/claims/:slug/uploads) with its progress shown;
// the claim then names the uploads, so the filing itself stays a small form. Without JavaScript
// the section cannot upload; documents can then be added from the claim's page after filing.
export function ClaimDocumentsField({
  matterSlug,
  documents,
  onChange,
  error,
}: {
  matterSlug: string;
  documents: FormDocument[];
  onChange: (update: (docs: FormDocument[]) => FormDocument[]) => void;
  error?: string[];
}) {
  const t = useTranslations("claimForm.documents");
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [failures, setFailures] = useState<string[]>([]);

  function upload(file: File) {
    const key = crypto.randomUUID();
    setUploading((u) => [...u, { key, filename: file.name, percent: 0 }]);
    const done = (failure?: string) => {
      setUploading((u) => u.filter((x) => x.key !== key));
      if (failure) setFailures((f) => [...f, t("failed", { name: file.name, reason: failure })]);
    };
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/claims/${encodeURIComponent(matterSlug)}/uploads`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setUploading((u) => u.map((x) => (x.key === key ? { ...x, percent: Math.round((e.loaded / e.total) * 100) } : x)));
    };
    xhr.onerror = () => done(t("network"));
    xhr.onload = () => {
      let body: { uploadToken?: string; filename?: string; error?: { message?: string; fieldErrors?: Record<string, string[]> } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // answered below
      }
      if (xhr.status === 201 && body.uploadToken) {
        onChange((docs) => [...docs, { key, filename: body.filename ?? file.name, token: body.uploadToken! }]);
        done();
        return;
      }
      if (xhr.status === 413) return done(t("tooLarge"));
      const fieldMessage = body.error?.fieldErrors ? Object.values(body.error.fieldErrors).flat()[0] : undefined;
      done(fieldMessage ?? body.error?.message ?? t("network"));
    };
    xhr.send(file);
  }

  function choose(files: FileList | null) {
    setFailures([]);
    let room = MAX_CLAIM_DOCUMENTS - documents.length - uploading.length;
    for (const file of Array.from(files ?? [])) {
      if (file.size > MAX_ATTACHMENT_BYTES) setFailures((f) => [...f, t("failed", { name: file.name, reason: t("tooLarge") })]);
      else if (room <= 0) setFailures((f) => [...f, t("failed", { name: file.name, reason: t("tooMany") })]);
      else {
        room--;
        upload(file);
      }
    }
    if (input.current) input.current.value = "";
  }

  const full = documents.length + uploading.length >= MAX_CLAIM_DOCUMENTS;
  return (
    <div className="grid gap-3" data-testid="claim-documents">
      <p className="text-sm text-muted-foreground" id="documents-help">
        {t("help")}
      </p>
      {documents.map((d) =>
        "token" in d ? <input key={d.key} type="hidden" name="documents" value={d.token} /> : <input key={d.key} type="hidden" name="draftDocuments" value={d.draftUploadId} />,
      )}
      {documents.length > 0 && (
        <ul className="grid gap-2" aria-label={t("list")}>
          {documents.map((d) => (
            <li key={d.key} className="flex items-center justify-between gap-3 rounded-md border border-border px-3 py-2 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                <FileText aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                <span className="truncate">{d.filename}</span>
              </span>
              <Button type="button" variant="ghost" size="sm" aria-label={t("remove", { name: d.filename })} onClick={() => onChange((docs) => docs.filter((x) => x.key !== d.key))}>
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {uploading.map((u) => (
        <Progress key={u.key} value={u.percent} label={t("uploading", { name: u.filename, percent: u.percent })} hideLabel={false} valueText={`${u.percent}%`} />
      ))}
      <div aria-live="polite" className="grid gap-1">
        {[...failures, ...(error ?? [])].map((f) => (
          <p key={f} id={error?.includes(f) ? fieldErrorId("documents") : undefined} className="text-sm font-medium text-destructive">
            {f}
          </p>
        ))}
      </div>
      <div>
        <input
          ref={input}
          id="documents-file"
          type="file"
          multiple
          accept={ACCEPT}
          // Hidden: the button below opens it (one tab stop, the kit's look); it keeps a name for
          // tools that reach it anyway.
          className="hidden"
          tabIndex={-1}
          aria-label={t("choose")}
          disabled={full}
          onChange={(e) => choose(e.target.files)}
        />
        {/* id="documents": where the error summary's link for this field lands. */}
        <Button id="documents" type="button" variant="outline" disabled={full} aria-describedby="documents-help" onClick={() => input.current?.click()}>
          <Paperclip aria-hidden className="size-4" />
          {t("choose")}
        </Button>
      </div>
    </div>
  );
}
