import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/server/http/body-limits";
import { STATIC_SECURITY_HEADERS } from "./lib/server/http/security-headers";

const config: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // A claim document is up to 10 MiB (MAX_ATTACHMENT_BYTES) plus the form's other fields; the
    // production web server refuses a larger body before Next.js reads it. The proxy copies a
    // request body only up to its own limit and silently drops the rest, so its limit is higher:
    // an oversized body then meets the action's limit, not a truncated form.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: "12mb",
  },
  // Loaded from node_modules at run time instead of bundled: native drivers, and libraries that
  // read their own data files (pdfkit's fonts) or spawn workers.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "pdfkit",
    "pdf-lib",
    "unpdf",
    "pg-boss",
    "mailparser",
    "nodemailer",
    "file-type",
    "yauzl",
    "yazl",
    "stream-json",
    "rate-limiter-flexible",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...STATIC_SECURITY_HEADERS],
      },
      // Nothing is framed, except an exhibit's original on its own exhibit page: that route sets
      // SAMEORIGIN itself (app/api/v1/matters/[matterId]/exhibits/[exhibitId]/file/route.ts).
      {
        source: "/((?!api/v1/matters/[^/]+/exhibits/[^/]+/file).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

// next-intl reads the request's locale and messages from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(config);
