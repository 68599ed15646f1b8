// The one Content-Disposition builder for every download: an ASCII fallback for old clients plus
// the exact name as RFC 8187 UTF-8 (RFC 6266), so a name with quotes, semicolons, line breaks or
// non-Latin letters can neither break the header nor be misread.
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
