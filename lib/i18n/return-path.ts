// Where the language switch sends the visitor back: a path on this site only. Anything that could
// leave the origin (//evil.example, /\evil.example, https://…, javascript:) or carries control
// characters falls back to the given default.
export function safeReturnPath(raw: unknown, fallback = "/settlements"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const base = "http://same.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
