import { z } from "zod";
import { SUPPORT_STATUSES } from "@/lib/ledger/support-status";
import { ALLEGATION_KINDS } from "@/lib/schemas/allegation";
import { ZText } from "@/lib/schemas/common";

// The ledger's filters and sort live in the URL (searchParams) so they are shareable, survive a
// reload, and run in SQL. A malformed value is ignored rather than failing the page.
export const LEDGER_SORTS = ["paragraph", "status", "kind", "country", "requests", "flag"] as const;
export const LEDGER_PAGE_SIZE = 100;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const ZLedgerQuery = z.object({
  status: z.preprocess(first, z.enum(SUPPORT_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(first, z.enum(ALLEGATION_KINDS).optional()).catch(undefined),
  // "count:<uuid>" or "element:<uuid>"
  element: z.preprocess(first, z.string().regex(/^(count|element):[0-9a-f-]{36}$/i).optional()).catch(undefined),
  flagged: z.preprocess(first, z.enum(["yes", "no"]).optional()).catch(undefined),
  request: z.preprocess(first, z.enum(["open", "overdue", "none"]).optional()).catch(undefined),
  country: z.preprocess(first, z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()).optional()).catch(undefined),
  q: z.preprocess(first, ZText().trim().max(200).optional()).catch(undefined),
  // Allegations an amended complaint withdrew are left out unless asked for.
  withdrawn: z.preprocess(first, z.enum(["show"]).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(LEDGER_SORTS).optional()).catch(undefined),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).optional()).catch(undefined),
});
export type TLedgerQuery = z.infer<typeof ZLedgerQuery>;
