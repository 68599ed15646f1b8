import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

export const EXHIBIT_LIST_SIDES = ["plaintiff", "defendant"] as const;
export const EXHIBIT_LIST_SIDE_LABELS: Record<(typeof EXHIBIT_LIST_SIDES)[number], string> = {
  plaintiff: "Plaintiff's exhibits (Plf. No.)",
  defendant: "Defendant's exhibits (Def. No.)",
};

// At most this many exhibits on one list (numbers of up to 6 digits fit a URL well under 16 KiB).
export const MAX_EXHIBIT_LIST = 2000;

// The AO 187 exhibit list as chosen on the exhibit-list page, carried in the download's URL:
// `exhibits` lists exhibit numbers in the order they are to appear (none: every non-privileged
// exhibit in number order); `side` says whose list it is (which number column is filled).
export const ZExhibitListQuery = z
  .object({
    exhibits: ZText()
      .max(MAX_EXHIBIT_LIST * 7, `At most ${MAX_EXHIBIT_LIST} exhibits on one list`)
      .regex(/^\d{1,6}(,\d{1,6})*$/, "List exhibit numbers separated by commas")
      .transform((s) => s.split(",").map(Number))
      .refine((ns) => ns.length <= MAX_EXHIBIT_LIST, `At most ${MAX_EXHIBIT_LIST} exhibits on one list`)
      .refine((ns) => new Set(ns).size === ns.length, "An exhibit is listed twice")
      .optional(),
    side: z.enum(EXHIBIT_LIST_SIDES, { error: "Choose plaintiff or defendant" }).default("plaintiff"),
  })
  .strict();
export type TExhibitListQuery = z.input<typeof ZExhibitListQuery>;
