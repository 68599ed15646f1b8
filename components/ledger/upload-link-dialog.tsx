"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FileUp } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { DialogAction } from "@/components/ledger/use-dialog-action";
import { IDLE } from "@/lib/action-state";

type Props = {
  matterId: string;
  paragraph: number;
  // linkEvidenceAction bound to this allegation: the second half of the flow is the same link
  // the link dialog makes, audited the same way.
  linkAction: DialogAction;
  submissionKey: string;
};

type Uploaded = { id: string; label: string; title: string; duplicate: boolean };
type Errors = Record<string, string[]>;

const LABELS = {
  file: "File",
  title: "Title",
  source: "Source",
  custodian: "Custodian",
  obtainedAt: "Date obtained",
  collectedBy: "Collected by",
  relation: "Relation",
  pinCite: "Pin cite",
  excerpt: "Excerpt",
  note: "Note",
};

// Upload a new exhibit and link it to this allegation in one dialog: the file goes to the same
// streaming upload route as the Exhibits page (hashed as it arrives, numbered in one
// transaction), carrying what the person says about it (a real title, source, custodian, date
// obtained, collector) in X-Exhibit-Metadata; then the link is made with the relation and pin
// cite. A failed link after a stored upload keeps the exhibit: a retry only links it.
export function UploadLinkDialog({ matterId, paragraph, linkAction, submissionKey }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [phase, setPhase] = useState<"idle" | "uploading" | "linking">("idle");
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);

  const reset = () => {
    setErrors({});
    setMessage(null);
    setPhase("idle");
    setProgress(null);
    setUploaded(null);
  };

  const upload = (file: File, metadata: Record<string, string>) =>
    new Promise<Uploaded>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/matters/${matterId}/exhibits`);
      xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
      xhr.setRequestHeader("X-Exhibit-Metadata", encodeURIComponent(JSON.stringify(metadata)));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = (e) => setProgress({ loaded: e.loaded, total: file.size });
      xhr.onload = () => {
        let answer: { exhibit?: { id: string; label: string; title: string }; duplicate?: boolean; error?: { message: string; fieldErrors?: Errors } } = {};
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          answer = { error: { message: `The server answered ${xhr.status}.` } };
        }
        if (xhr.status < 300 && answer.exhibit) resolve({ ...answer.exhibit, duplicate: !!answer.duplicate });
        else reject(answer.error ?? { message: `Upload failed (${xhr.status}).` });
      };
      xhr.onerror = () => reject({ message: "The connection was lost; nothing was stored. Try again." });
      xhr.send(file);
    });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (phase !== "idle") return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const file = data.get("file");
    const found: Errors = {};
    if (!uploaded) {
      if (!(file instanceof File) || file.size === 0) found.file = ["Choose the file to upload"];
      if (!text("title")) found.title = ["Enter a title that says what the document is"];
    }
    if (text("pinCite").length > 200) found.pinCite = ["Pin cite must be at most 200 characters"];
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;

    let exhibit = uploaded;
    if (!exhibit) {
      setPhase("uploading");
      try {
        const metadata = Object.fromEntries(["title", "source", "custodian", "obtainedAt", "collectedBy"].map((k) => [k, text(k)]).filter(([, v]) => v));
        exhibit = await upload(file as File, metadata);
        setUploaded(exhibit);
      } catch (e) {
        const failure = e as { message: string; fieldErrors?: Errors };
        const fieldErrors = { ...(failure.fieldErrors ?? {}) };
        // The upload route names the file as "fileName"; here it is the file control.
        if (fieldErrors.fileName) fieldErrors.file = [...(fieldErrors.file ?? []), ...fieldErrors.fileName];
        delete fieldErrors.fileName;
        delete fieldErrors.metadata;
        setErrors(fieldErrors);
        setMessage(Object.keys(fieldErrors).length ? null : failure.message);
        setPhase("idle");
        return;
      }
    }

    setPhase("linking");
    const link = new FormData();
    link.set("exhibitId", exhibit.id);
    link.set("submissionKey", submissionKey);
    for (const k of ["relation", "pinCite", "excerpt", "note"]) if (text(k)) link.set(k, text(k));
    const state = await linkAction(IDLE, link);
    setPhase("idle");
    if (state.status === "error") {
      setErrors(state.fieldErrors);
      setMessage(Object.keys(state.fieldErrors).length ? `${exhibit.label} is stored; the link was not made.` : state.message);
      return;
    }
    setOpen(false);
    toast.success(
      exhibit.duplicate
        ? `The same bytes were already ${exhibit.label} (“${exhibit.title}”); that exhibit is now linked to ¶ ${paragraph}.`
        : `${exhibit.label} uploaded and linked to ¶ ${paragraph}.`,
    );
    reset();
    router.refresh();
  };

  const busy = phase !== "idle";
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <FileUp aria-hidden /> Upload and link
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Upload new evidence for ¶ {paragraph}</DialogTitle>
          <DialogDescription>
            The file becomes the matter&apos;s next exhibit (hashed with SHA-256 as it arrives) and is linked to this allegation. Blank facts stay blank on certifications.
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={submit}
          // A field's refusal goes once the field is changed; the others stay until the next submit.
          onChange={(e) => {
            const name = (e.target as Element).getAttribute("name") ?? "";
            if (errors[name]) setErrors(({ [name]: _fixed, ...rest }) => rest);
          }}
          className="grid gap-4"
          noValidate
          aria-busy={busy}
        >
          <FormErrorSummary errors={fieldErrors} labels={LABELS} formErrors={errors._form} />
          {message && (
            <Alert variant="destructive">
              <AlertDescription>{message}</AlertDescription>
            </Alert>
          )}
          {uploaded ? (
            <Alert variant="success">
              <AlertDescription>
                Stored as <span className="font-mono">{uploaded.label}</span> “{uploaded.title}”. Correct the link below and submit again.
              </AlertDescription>
            </Alert>
          ) : (
            <fieldset className="grid gap-4" disabled={busy}>
              <legend className="mb-1 text-sm font-semibold">The document</legend>
              <Field label={LABELS.file} htmlFor="file" error={errors.file} required description="Up to 2 GiB: PDF, e-mail, HAR, images, Office documents…">
                <Input id="file" name="file" type="file" />
              </Field>
              <Field label={LABELS.title} htmlFor="title" error={errors.title} required description="What the document is, as you would cite it — not its file name.">
                <Input id="title" name="title" maxLength={300} placeholder="e.g. Umeng SDK traffic capture, Pixel 3, 12 April 2019" />
              </Field>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label={LABELS.source} htmlFor="source" error={errors.source} description="Where it came from (production, subpoena, expert capture).">
                  <Input id="source" name="source" maxLength={500} />
                </Field>
                <Field label={LABELS.custodian} htmlFor="custodian" error={errors.custodian}>
                  <Input id="custodian" name="custodian" maxLength={200} />
                </Field>
                <Field label={LABELS.obtainedAt} htmlFor="obtainedAt" error={errors.obtainedAt}>
                  <Input id="obtainedAt" name="obtainedAt" type="date" />
                </Field>
                <Field label={LABELS.collectedBy} htmlFor="collectedBy" error={errors.collectedBy} description="Who collected it; left blank, it stays blank.">
                  <Input id="collectedBy" name="collectedBy" maxLength={200} />
                </Field>
              </div>
            </fieldset>
          )}
          <fieldset className="grid gap-4" disabled={busy}>
            <legend className="mb-1 text-sm font-semibold">The link to ¶ {paragraph}</legend>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label={LABELS.relation} htmlFor="relation" error={errors.relation} required>
                <Select id="relation" name="relation" defaultValue="SUPPORTS">
                  <option value="SUPPORTS">Supports</option>
                  <option value="CONTRADICTS">Contradicts</option>
                  <option value="CONTEXT">Context</option>
                </Select>
              </Field>
              <Field className="sm:col-span-2" label={LABELS.pinCite} htmlFor="pinCite" error={errors.pinCite} description="p. 4:12–18, 00:01:32, or entry 214.">
                <Input id="pinCite" name="pinCite" maxLength={200} />
              </Field>
            </div>
            <Field label={LABELS.excerpt} htmlFor="excerpt" error={errors.excerpt}>
              <Textarea id="excerpt" name="excerpt" rows={2} />
            </Field>
            <Field label={LABELS.note} htmlFor="note" error={errors.note}>
              <Textarea id="note" name="note" rows={2} />
            </Field>
          </fieldset>
          {phase === "uploading" && progress && (
            <Progress
              label="Uploading"
              value={progress.loaded >= progress.total ? null : progress.loaded}
              max={progress.total || 1}
              valueText={progress.loaded >= progress.total ? "Verifying and saving…" : undefined}
            />
          )}
          <DialogFooter>
            <Button type="submit" disabled={busy}>
              {phase === "uploading" ? "Uploading…" : phase === "linking" ? "Linking…" : uploaded ? "Link exhibit" : "Upload and link"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
