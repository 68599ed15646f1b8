import { z } from "zod";
import { ZCalendarDate, ZText } from "@/lib/schemas/common";
import { DETECTED_CATEGORIES } from "@/lib/analyzer/categories";
import { SDK_PREFIX_PATTERN } from "@/lib/analyzer/suggest-sdk";
import { ZKbFactFields } from "@/lib/schemas/knowledge-base";

// A suggestion is named by the observation behind it and the allegation it would support; the
// server works the rest out again (rule, pin cite) rather than trusting the form.
export const ZSuggestionRef = z
  .object({
    observationId: z.uuid("Unknown observation"),
    allegationId: z.uuid("Unknown allegation"),
  })
  .strict();
export type TSuggestionRef = z.infer<typeof ZSuggestionRef>;

export const ZDismissSuggestion = ZSuggestionRef.extend({
  reason: ZText({ error: "Say why the suggestion is dismissed" })
    .trim()
    .min(3, "Say why the suggestion is dismissed")
    .max(2000, "Reason must be at most 2,000 characters"),
}).strict();
export type TDismissSuggestion = z.infer<typeof ZDismissSuggestion>;

// An SDK suggestion is named by the package analysis, the allegation and the matched SDK's prefix;
// the server works out the example class and pin cite again.
export const ZSdkSuggestionRef = z
  .object({
    analysisId: z.uuid("Unknown package analysis"),
    allegationId: z.uuid("Unknown allegation"),
    sdkPrefix: z.string({ error: "Name the SDK prefix" }).trim().max(200, "At most 200 characters").regex(SDK_PREFIX_PATTERN, "Use a Java package prefix such as com.baidu"),
  })
  .strict();
export type TSdkSuggestionRef = z.infer<typeof ZSdkSuggestionRef>;

export const ZDismissSdkSuggestion = ZSdkSuggestionRef.extend({ reason: ZDismissSuggestion.shape.reason }).strict();

export const TRACKER_CATEGORY_VALUES = ["ANALYTICS", "CRASH_REPORTING", "PUSH", "ADS", "APP_BACKEND"] as const;

// A matter's own correction to the tracker knowledge base: it wins over every global layer for
// this matter's analyses. Every fact names its source; "checked on" is when a person confirmed it.
// (Domain normalised by the Public Suffix List, ISO country, the category enum, a source.)
export const ZTrackerOverride = z.object(ZKbFactFields).strict();
export type TTrackerOverride = z.infer<typeof ZTrackerOverride>;

// The data-flow graph's filters, read from the page's query string: a period (calendar days,
// UTC, both ends included), one capture exhibit, one detected data category, and the host whose
// observations are listed below the graph.
export const ZDataFlowFilters = z
  .object({
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
    exhibitId: z.uuid("Unknown capture").optional(),
    category: z.enum(DETECTED_CATEGORIES, { error: "Unknown data category" }).optional(),
    host: z
      .string()
      .trim()
      .toLowerCase()
      .max(253, "A host is at most 253 characters")
      .regex(/^[a-z0-9.-]+$/, "Not a host name")
      .optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The period ends before it starts" });
export type TDataFlowFilters = z.infer<typeof ZDataFlowFilters>;
