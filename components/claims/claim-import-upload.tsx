"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

// Sends the claims CSV as the request body (stored, then imported by a background job); the
// page's list of imports shows its progress and error report.
export function ClaimImportUpload({ uploadUrl, columns }: { uploadUrl: string; columns: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [sendMail, setSendMail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<string | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a CSV file first.");
    setError(null);
    setQueued(null);
    setBusy(true);
    try {
      const response = await fetch(`${uploadUrl}?sendMail=${sendMail}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent(file.name) },
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) return setError(body?.error?.message ?? `The upload was refused (${response.status}).`);
      setQueued(file.name);
      router.refresh();
    } catch {
      setError("The upload did not reach the server. Check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="grid max-w-3xl gap-3">
      <Field label="Claims (CSV)" htmlFor="claims-csv" description={`Columns: ${columns}. One row per claim; external_id is the administrator's unique ID for it.`}>
        <Input id="claims-csv" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <div className="flex items-center gap-2">
        <Checkbox id="claims-send-mail" checked={sendMail} onChange={(e) => setSendMail(e.target.checked)} />
        <Label htmlFor="claims-send-mail">E-mail each new claimant the confirmation link (off: no mail is sent)</Label>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Import claims"}
        </Button>
      </div>
      <div aria-live="polite">
        {error && (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        {queued && (
          <Alert variant="success">
            <AlertDescription>“{queued}” is stored and queued for import; its progress shows below.</AlertDescription>
          </Alert>
        )}
      </div>
    </form>
  );
}
