import { z } from "zod";

// The gap report is read a page at a time in complaint order, keyset on the allegation's ¶ sort
// key and id. The cursor is that pair of the row a page starts or ends at, opaque to readers
// (base64url of a JSON pair, the same shape as the /api/v1 list cursors). Both parts are checked
// before they reach SQL: the sort key must fit the column's int4, the id must be a UUID.
export const GAP_PAGE_SIZE = 100;
export const GAP_CSV_CHUNK = 1000;
// The whole report on one page, for printing, up to this many gaps (about a thousand printed
// pages); past it the page says to print page by page or to use the CSV.
export const GAP_PRINT_MAX = 5000;

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
const CURSOR_MESSAGE = "cursor is not one this report gave out";

export type GapCursor = { sortKey: number; id: string };

const ZCursorParts = z.tuple([z.number().int().min(INT4_MIN).max(INT4_MAX), z.uuid()]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const ZGapCursor = z
  .string()
  .max(200, CURSOR_MESSAGE)
  .regex(/^[A-Za-z0-9_-]+$/, CURSOR_MESSAGE)
  .transform((s, ctx): GapCursor => {
    const parts = ZCursorParts.safeParse(parseJson(Buffer.from(s, "base64url").toString("utf8")));
    if (!parts.success) {
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return { sortKey: parts.data[0], id: parts.data[1].toLowerCase() };
  });

export function encodeGapCursor(c: GapCursor): string {
  return Buffer.from(JSON.stringify([c.sortKey, c.id])).toString("base64url");
}

// The Reports page's query: ?after= (Next) or ?before= (Previous), or ?all=1 for the whole report
// on one page (to print it). Parsed with parseSearchParams, so a cursor that does not parse is
// dropped and the first page shows.
export const ZGapReportPageQuery = z.object({ after: ZGapCursor, before: ZGapCursor, all: z.literal("1") }).partial();
