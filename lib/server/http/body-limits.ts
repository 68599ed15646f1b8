// Body limits shared by next.config.ts and the production web server (no imports: the config
// loads it before anything else exists).

// A server action's body: a claim document is up to 10 MiB (MAX_ATTACHMENT_BYTES) plus the form's
// other fields. Next.js enforces it (serverActions.bodySizeLimit) by failing the request with a
// 500; the web server refuses larger bodies first, with a 413 that names the limit
// (lib/server/http/action-post-guard.ts).
export const ACTION_BODY_LIMIT_BYTES = 11 * 1024 * 1024;
