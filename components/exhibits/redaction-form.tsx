"use client";

import * as React from "react";
import { useActionState } from "react";
import { EraserIcon, Trash2 } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { REDACTION_REASON_LABELS, REDACTION_REASONS } from "@/lib/schemas/exhibit";
import { PdfViewer, type PdfRegion } from "@/components/exhibits/pdf-viewer";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Reason = (typeof REDACTION_REASONS)[number];
type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; submissionKey: string; fileUrl: string; label: string };

// A redaction request: regions drawn on the pages (each with its reason) and search terms (one
// reason for them all). The server only records the request; the job makes the copy, removes
// the text, paints the boxes and checks the result, and the page below shows how it went.
export function RedactionForm({ action, submissionKey, fileUrl, label }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [regions, setRegions] = React.useState<(PdfRegion & { reason: Reason })[]>([]);
  const [regionReason, setRegionReason] = React.useState<Reason>("PRIVILEGE");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const termErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith("terms"))
    .flatMap(([, v]) => v);
  const regionErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith("regions"))
    .flatMap(([, v]) => v);
  // A recorded request starts the next one empty (adjusted while rendering, not in an effect).
  const [handled, setHandled] = React.useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "success") setRegions([]);
  }
  const outlined = React.useMemo(() => regions.map((r, i) => ({ ...r, label: `Region ${i + 1}: ${REDACTION_REASON_LABELS[r.reason]}` })), [regions]);
  const onRegion = React.useCallback((r: PdfRegion) => setRegions((list) => [...list, { ...r, reason: regionReason }]), [regionReason]);

  return (
    <div className="grid gap-4">
      <Field label="Reason for new regions" htmlFor="region-reason" description="Drag a rectangle on a page to black it out, or switch off “Draw regions”, select text and press “Mark the selected text”.">
        <Select id="region-reason" value={regionReason} onChange={(e) => setRegionReason(e.target.value as Reason)} className="max-w-xs">
          {REDACTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {REDACTION_REASON_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <PdfViewer fileUrl={fileUrl} label={label} regions={outlined} onRegion={onRegion} />
      <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="grid max-w-2xl gap-4" noValidate data-testid="redaction-form">
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="regions" value={JSON.stringify(regions)} />
        {state.status === "error" && (
          <Alert variant="destructive">
            <AlertDescription>{state.message}</AlertDescription>
          </Alert>
        )}
        {state.status === "success" && (
          <Alert variant="success">
            <AlertDescription>{state.message}</AlertDescription>
          </Alert>
        )}
        <section aria-labelledby="regions-heading">
          <h3 id="regions-heading" className="mb-1 text-sm font-medium">
            Regions to black out
          </h3>
          {regionErrors.length > 0 && <p className="text-sm text-destructive">{regionErrors.join(" ")}</p>}
          {regions.length === 0 ? (
            <p className="text-sm text-muted-foreground">None drawn yet.</p>
          ) : (
            <ol className="grid gap-1 text-sm" data-testid="region-list">
              {regions.map((r, i) => (
                <li key={`${r.page}-${r.x}-${r.y}-${i}`} className="flex flex-wrap items-center gap-2">
                  <span>
                    Region {i + 1}: page {r.page}, {Math.round(r.width)} × {Math.round(r.height)} pt
                  </span>
                  <Select
                    aria-label={`Reason for region ${i + 1}`}
                    value={r.reason}
                    onChange={(e) => setRegions((list) => list.map((x, k) => (k === i ? { ...x, reason: e.target.value as Reason } : x)))}
                    className="w-auto"
                  >
                    {REDACTION_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {REDACTION_REASON_LABELS[reason]}
                      </option>
                    ))}
                  </Select>
                  <Button type="button" variant="ghost" size="sm" aria-label={`Remove region ${i + 1}`} onClick={() => setRegions((list) => list.filter((_, k) => k !== i))}>
                    <Trash2 aria-hidden />
                  </Button>
                </li>
              ))}
            </ol>
          )}
        </section>
        <Field
          label="Text to redact, one term per line"
          htmlFor="terms"
          error={termErrors.length ? termErrors : undefined}
          description="Every occurrence is removed from the PDF's text (not covered over), in any letter case, and blacked out where it was. Earlier redactions of this exhibit are applied again."
        >
          <Textarea id="terms" name="terms" rows={3} className="font-mono" defaultValue={state.status === "error" ? state.values.terms : ""} />
        </Field>
        <Field label="Reason for the terms" htmlFor="reason" error={errors.reason}>
          <Select id="reason" name="reason" defaultValue={state.status === "error" ? state.values.reason : "PII"}>
            {REDACTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {REDACTION_REASON_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" disabled={pending}>
            <EraserIcon aria-hidden /> {pending ? "Requesting…" : "Make a redacted copy"}
          </Button>
        </div>
      </form>
    </div>
  );
}
