import { z } from "zod";
import { ZText } from "@/lib/schemas/common";
import { ZExhibitFilters, ZIssueRef } from "@/lib/schemas/exhibit";

export const TAG_NAME_MAX = 60;
export const SAVED_SEARCH_NAME_MAX = 100;

// Tag an exhibit, or one page of it, with an issue: an existing count, element or tag chosen from
// the list, or a free tag typed by name (found case-insensitively, else created).
export const ZTagExhibit = z
  .object({
    issue: ZIssueRef.optional(),
    name: ZText()
      .trim()
      .max(TAG_NAME_MAX, `A tag must be at most ${TAG_NAME_MAX} characters`)
      .refine((v) => !/[\p{Cc}]/u.test(v), "A tag cannot contain control characters")
      .optional(),
    page: z.coerce.number({ error: "Page must be a whole number" }).int("Page must be a whole number").min(1, "Pages start at 1").max(1_000_000, "No such page").optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.issue && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Choose an issue or type a tag" });
    if (v.issue && v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Choose an issue or type a tag, not both" });
  });
export type TTagExhibit = z.infer<typeof ZTagExhibit>;

export const ZUntagExhibit = z.object({ exhibitTagId: z.uuid("Unknown tag") }).strict();

// A named search: the query and filters of the exhibits page, and whether the team sees it.
export const ZSaveSearch = ZExhibitFilters.extend({
  name: ZText({ error: "Name the search" }).trim().min(1, "Name the search").max(SAVED_SEARCH_NAME_MAX, `A name must be at most ${SAVED_SEARCH_NAME_MAX} characters`),
  // A checkbox: "on" when ticked, absent when not.
  shared: z.enum(["on", "true", "false"], "Choose whether the team sees it").optional().transform((v) => v === "on" || v === "true"),
})
  .strict()
  .refine((v) => Boolean(v.q || v.kind || v.designation || v.from || v.to || v.link || v.tag), { path: ["q"], message: "Type a search or choose a filter to save" });
export type TSaveSearch = z.infer<typeof ZSaveSearch>;

export const ZDeleteSavedSearch = z.object({ savedSearchId: z.uuid("Unknown saved search") }).strict();
