import { z } from "zod";

// An IANA zone name as a browser reports it ("America/Los_Angeles"), turned into the name Intl
// resolves it to, so "america/los_angeles" and "America/Los_Angeles" are one zone. Intl is the judge
// of which names exist: Intl.supportedValuesOf lists canonical names only, and browsers still
// report aliases such as "Asia/Calcutta". Offsets ("+05:30") and anything longer than a zone
// name are refused before Intl sees them.
export const ZTimeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, "Not a time zone name")
  .transform((name, ctx) => {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: "custom", message: "Not a time zone" });
      return z.NEVER;
    }
  });
