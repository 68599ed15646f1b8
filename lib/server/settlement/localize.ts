import "server-only";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/app-error";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/messages";

export type FormNamespace = "optOut" | "objection";
export type FormTranslator = (key: string, values?: Record<string, string | number>) => string;

// The public forms answer in the member's language: the same catalogue the pages read with
// getTranslations, here for the use case (validation messages, the confirmation e-mail).
export function formTranslator(locale: string | undefined, namespace: FormNamespace): { locale: Locale; t: FormTranslator } {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const translate = createTranslator({ locale: chosen, messages: MESSAGES[chosen], namespace });
  const t: FormTranslator = (key, values) => (translate.has(key as never) ? translate(key as never, values as never) : translate("errors.invalid" as never));
  return { locale: chosen, t };
}

// Parses a public form's input; every refusal names its field in the member's language (the
// schema's messages are catalogue keys; anything else, such as an unexpected field, reads as
// "the form sent something unexpected").
export function parseLocalized<S extends z.ZodType>(schema: S, input: unknown, t: FormTranslator): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    const message = issue.message.startsWith("errors.") ? t(issue.message) : t("errors.unknownField");
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  throw AppError.validation(fieldErrors, t("errors.invalid"));
}
