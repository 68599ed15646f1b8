import { z } from "zod";
import { ZCalendarDate, ZText } from "@/lib/schemas/common";

// A matter's claim form, stored as data in Matter.claimForm so each settlement can ask its own
// eligibility questions. Validated on every read: a malformed definition is a bug, not a form.
const ZQuestionBase = z.object({
  id: ZText().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, "Question ids are camelCase words"),
  label: ZText().min(1).max(300),
  help: ZText().max(600).optional(),
  required: z.boolean().default(true),
  // The same question in Spanish, shown when the visitor chose Spanish (else the English text).
  es: z
    .object({ label: ZText().min(1).max(300), help: ZText().max(600).optional(), reason: ZText().min(1).max(600).optional() })
    .strict()
    .optional(),
});

const ZYesNoQuestion = ZQuestionBase.extend({
  kind: z.literal("yesno"),
  // A criterion: answering otherwise makes the claim ineligible, with this reason shown.
  eligibility: z.object({ requiredAnswer: z.enum(["yes", "no"]), reason: ZText().min(1).max(600) }).optional(),
  // Answering "yes" places the claim in this subclass.
  subclassIfYes: ZText().regex(/^[A-Z][A-Z0-9_]{0,39}$/).optional(),
});

const ZTextQuestion = ZQuestionBase.extend({
  kind: z.literal("text"),
  maxLength: z.number().int().min(1).max(2000).default(200),
});

export const ZClaimQuestion = z.discriminatedUnion("kind", [ZYesNoQuestion, ZTextQuestion]);
export type TClaimQuestion = z.infer<typeof ZClaimQuestion>;

export const ZClaimFormDefinition = z
  .object({
    version: z.literal(1),
    intro: ZText().max(2000),
    classPeriod: z.object({ start: ZCalendarDate, end: ZCalendarDate }),
    claimDeadline: ZCalendarDate,
    questions: z.array(ZClaimQuestion).min(1).max(40),
    paymentOptions: z.array(z.object({ value: ZText().regex(/^[A-Z_]{1,30}$/), label: ZText().min(1).max(100) })).min(1),
    attestation: ZText().min(1).max(4000),
    // Spanish texts of the form's own words; payment option labels by value.
    es: z
      .object({
        intro: ZText().max(2000).optional(),
        attestation: ZText().min(1).max(4000).optional(),
        paymentOptions: z.record(z.string(), ZText().min(1).max(100)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => new Set(d.questions.map((q) => q.id)).size === d.questions.length, "Question ids must be unique");
export type TClaimFormDefinition = z.infer<typeof ZClaimFormDefinition>;

export type Answers = Record<string, string>;

// Why a claim does not meet the criteria, derived from its answers (never stored separately).
export function eligibilityFailures(def: TClaimFormDefinition, answers: Answers): { questionId: string; reason: string }[] {
  return def.questions.flatMap((q) =>
    q.kind === "yesno" && q.eligibility && answers[q.id] !== q.eligibility.requiredAnswer ? [{ questionId: q.id, reason: q.eligibility.reason }] : [],
  );
}

export function subclassFor(def: TClaimFormDefinition, answers: Answers): string | null {
  const q = def.questions.find((x) => x.kind === "yesno" && x.subclassIfYes && answers[x.id] === "yes");
  return q?.kind === "yesno" ? (q.subclassIfYes ?? null) : null;
}

// The form as a visitor reads it in their language: the Spanish texts where the matter wrote them,
// the English ones otherwise. Ids, kinds and criteria never change with the language.
const localized = new WeakMap<TClaimFormDefinition, TClaimFormDefinition>();
export function localizeClaimForm(def: TClaimFormDefinition, locale: string): TClaimFormDefinition {
  if (locale !== "es") return def;
  const hit = localized.get(def);
  if (hit) return hit;
  const es = def.es;
  const out: TClaimFormDefinition = {
    ...def,
    intro: es?.intro ?? def.intro,
    attestation: es?.attestation ?? def.attestation,
    paymentOptions: def.paymentOptions.map((p) => ({ ...p, label: es?.paymentOptions?.[p.value] ?? p.label })),
    questions: def.questions.map((q) => {
      const t = q.es;
      if (!t) return q;
      const base = { ...q, label: t.label, help: t.help ?? q.help };
      return base.kind === "yesno" && base.eligibility ? { ...base, eligibility: { ...base.eligibility, reason: t.reason ?? base.eligibility.reason } } : base;
    }),
  };
  localized.set(def, out);
  return out;
}
