import { z } from "zod";
import { ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

const ZCountFields = z.object({
  number: z.coerce
    .number({ error: "Enter the count's number" })
    .int("The count number must be a whole number")
    .min(1, "The count number must be 1 or more")
    .max(999, "The count number must be at most 999"),
  title: ZText({ error: "Enter the count's title" }).trim().min(1, "Enter the count's title").max(300, "Title must be at most 300 characters"),
  statute: ZOptionalText(300, "Statute"),
  description: ZOptionalText(4000, "Description"),
});

// Elements arrive one per line from the create form's textarea.
const ZElementLines = z
  .string()
  .max(20_000, "Elements must be at most 20,000 characters")
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.every((l) => l.length <= 1000), "Each element must be at most 1,000 characters");

export const ZCreateCount = ZCountFields.extend({ elements: ZElementLines, submissionKey: ZSubmissionKey }).strict();
export type TCreateCount = z.infer<typeof ZCreateCount>;

export const ZUpdateCount = ZCountFields.strict();
export type TUpdateCount = z.infer<typeof ZUpdateCount>;

export const ZElementText = z
  .object({
    text: ZText({ error: "Enter the element" }).trim().min(1, "Enter the element").max(1000, "An element must be at most 1,000 characters"),
  })
  .strict();

// The full new order: every element of the count exactly once.
export const ZReorderElements = z
  .object({
    elementIds: z.preprocess(
      (v) => (v === undefined || Array.isArray(v) ? v : [v]),
      z.array(z.uuid("Unknown element"), { error: "Give the new order of the elements" }).min(1, "Give the new order of the elements"),
    ),
  })
  .strict();

// Counts are cited as "Count IV"; element 2 of Count IV as "IV.2".
export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}
