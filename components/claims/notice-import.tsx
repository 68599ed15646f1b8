"use client";

import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Report = { rows: number; imported: number; errors: { line: number; message: string }[] };

export function NoticeImport({ uploadUrl }: { uploadUrl: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a CSV file first.");
    setError(null);
    setReport(null);
    setProgress(0);
    const response = await fetch(uploadUrl, { method: "POST", body: file, headers: { "Content-Type": "text/csv" } });
    if (!response.ok || !response.body) {
      setProgress(null);
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setError(body?.error?.message ?? `The upload was refused (${response.status}).`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const l of lines.filter(Boolean)) {
        const msg = JSON.parse(l) as { progress?: number; report?: Report; error?: { message: string } };
        if (msg.progress !== undefined) setProgress(msg.progress);
        if (msg.report) setReport(msg.report);
        if (msg.error) setError(msg.error.message);
      }
    }
    setProgress(null);
  }

  return (
    <div className="grid max-w-3xl gap-4">
      <form onSubmit={upload} className="flex flex-wrap items-end gap-3">
        <Field label="Notice list (CSV)" htmlFor="csv" description="Columns: notice_id, confirmation_code, full_name, address1, address2, city, state, zip.">
          <Input id="csv" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button type="submit" disabled={progress !== null}>
          {progress !== null ? `Importing… ${progress.toLocaleString("en-US")} rows` : "Import"}
        </Button>
      </form>
      <div aria-live="polite">
        {error && (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        {report && (
          <Alert variant={report.errors.length ? "warning" : "success"}>
            <AlertDescription>
              Read {report.rows.toLocaleString("en-US")} rows: {report.imported.toLocaleString("en-US")} imported, {report.errors.length.toLocaleString("en-US")} with errors.
            </AlertDescription>
          </Alert>
        )}
      </div>
      {report && report.errors.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Line</TableHead>
              <TableHead>Problem</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.errors.map((e) => (
              <TableRow key={e.line}>
                <TableCell className="tabular-nums">{e.line}</TableCell>
                <TableCell>{e.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
