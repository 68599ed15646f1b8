"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CheckCircle2, Copy, FileUp, XCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { cn } from "@/lib/utils/cn";

type Upload = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: "waiting" | "uploading" | "hashing" | "done" | "duplicate" | "failed";
  label?: string;
  exhibitId?: string;
  message?: string;
};

type UploadAnswer = {
  exhibit?: { id: string; label: string };
  duplicate?: boolean;
  error?: { message: string };
};

// Two at a time: enough to keep the pipe full without starving the page.
const PARALLEL = 2;

function formatSize(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KiB`;
  return `${n} B`;
}

export function ExhibitUploader({ matterId }: { matterId: string }) {
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  // XMLHttpRequest, not fetch: only XHR reports upload progress.
  const send = (file: File, key: string) =>
    new Promise<void>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/matters/${matterId}/exhibits`);
      xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = (e) => patch(key, { loaded: e.loaded, state: e.loaded >= file.size ? "hashing" : "uploading" });
      xhr.onload = () => {
        let answer: UploadAnswer = {};
        try {
          answer = JSON.parse(xhr.responseText) as UploadAnswer;
        } catch {
          answer = { error: { message: `The server answered ${xhr.status}.` } };
        }
        if (xhr.status < 300 && answer.exhibit) {
          patch(key, { state: answer.duplicate ? "duplicate" : "done", loaded: file.size, label: answer.exhibit.label, exhibitId: answer.exhibit.id });
        } else {
          patch(key, { state: "failed", message: answer.error?.message ?? `Upload failed (${xhr.status}).` });
        }
        resolve();
      };
      xhr.onerror = () => {
        patch(key, { state: "failed", message: "The connection was lost; nothing was stored. Try again." });
        resolve();
      };
      patch(key, { state: "uploading" });
      xhr.send(file);
    });

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    const batch = files.map((file) => ({ file, key: `${file.name}-${file.size}-${crypto.randomUUID()}` }));
    setUploads((list) => [...batch.map(({ file, key }) => ({ key, name: file.name, size: file.size, loaded: 0, state: "waiting" as const })), ...list]);
    const queue = [...batch];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await send(next.file, next.key);
      }),
    );
    router.refresh();
  };

  return (
    <section aria-label="Upload exhibits" className="mb-6 grid gap-3" data-print="hide">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void start(Array.from(e.dataTransfer.files));
        }}
        className={cn(
          "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-border-strong px-6 py-6 text-center",
          dragging && "border-primary bg-accent",
        )}
      >
        <FileUp className="size-6 text-muted-foreground" aria-hidden />
        <p className="text-sm">
          Drop files here, or{" "}
          <Button variant="link" onClick={() => input.current?.click()}>
            choose files
          </Button>
        </p>
        <p className="text-xs text-muted-foreground">
          PDF, images, text/CSV/JSON, HAR, e-mail (.eml), HTML, ZIP/APK, Office documents — up to 2 GiB each. Each file is hashed (SHA-256) as it arrives.
        </p>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label="Choose files to upload"
          data-testid="exhibit-file-input"
          onChange={(e) => {
            void start(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="grid gap-2" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className="grid gap-1 rounded-md border px-3 py-2" data-testid="upload-row" data-state={u.state}>
              <Progress
                label={u.name}
                value={u.state === "waiting" ? 0 : u.state === "hashing" ? null : u.loaded}
                max={u.size || 1}
                valueText={
                  u.state === "hashing"
                    ? "Verifying and saving…"
                    : u.state === "done" || u.state === "duplicate"
                      ? `${formatSize(u.size)} · done`
                      : `${formatSize(u.loaded)} of ${formatSize(u.size)}`
                }
              />
              {u.state === "done" && (
                <p className="flex items-center gap-1.5 text-sm text-success-fg">
                  <CheckCircle2 className="size-4" aria-hidden /> Saved as{" "}
                  <Link className="font-mono text-primary hover:underline" href={`/matters/${matterId}/exhibits/${u.exhibitId}`}>
                    {u.label}
                  </Link>
                </p>
              )}
              {u.state === "duplicate" && (
                <p className="flex items-center gap-1.5 text-sm text-warning-fg">
                  <Copy className="size-4" aria-hidden /> Duplicate: the same bytes are already{" "}
                  <Link className="font-mono text-primary hover:underline" href={`/matters/${matterId}/exhibits/${u.exhibitId}`}>
                    {u.label}
                  </Link>
                  ; nothing new was numbered.
                </p>
              )}
              {u.state === "failed" && (
                <p className="flex items-center gap-1.5 text-sm text-destructive-fg" role="alert">
                  <XCircle className="size-4" aria-hidden /> {u.message}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
