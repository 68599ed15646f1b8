// The two /api/v1 paths the web server (scripts/web-server.ts) answers itself, before Next.js,
// in development as in production: there is no Next.js route for them. The OpenAPI document
// describes them like any route (lib/api/openapi.test.ts counts them as routes).
export const LEAN_PATHS = {
  // POST /api/v1/claims/:matterSlug — the public claim API (and claim feeds with their token).
  claim: { pattern: /^\/api\/v1\/claims\/([^/?#]+)\/?(?:\?.*)?$/, openApiPath: "/api/v1/claims/{matterSlug}" },
  // POST /api/v1/matters/:matterId/exhibits — streaming exhibit uploads of up to 2 GiB.
  upload: { pattern: /^\/api\/v1\/matters\/([^/?#]+)\/exhibits\/?(?:\?.*)?$/, openApiPath: "/api/v1/matters/{matterId}/exhibits" },
} as const;
