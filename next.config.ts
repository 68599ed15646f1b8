import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
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

export default config;
