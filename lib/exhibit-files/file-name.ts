// File names arrive from the uploader's machine: they are shown and exported, never used as
// storage keys. Anything that looks like a path is refused rather than silently trimmed, so an
// attacker's "../../etc/passwd" is an error the uploader sees.

export type FileNameCheck = { ok: true; name: string } | { ok: false; reason: string };

const MAX_NAME = 255;

export function checkFileName(raw: string | null | undefined): FileNameCheck {
  if (raw == null || raw.trim() === "") return { ok: false, reason: "The file has no name." };
  const name = raw.normalize("NFC").trim();
  if (/[/\\]/.test(name)) return { ok: false, reason: "File names may not contain “/” or “\\”: send the file's own name, not a path." };
  if (name === "." || name === ".." || /^\.+$/.test(name)) return { ok: false, reason: "That is not a file name." };
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, reason: "File names may not contain control characters." };
  if (name.length > MAX_NAME) return { ok: false, reason: `File names must be at most ${MAX_NAME} characters.` };
  return { ok: true, name };
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

// A default exhibit title from the file name: "Umeng traffic capture.har" → "Umeng traffic capture".
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  return base.replace(/[_]+/g, " ").trim().slice(0, 300) || name;
}
