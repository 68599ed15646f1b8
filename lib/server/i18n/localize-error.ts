import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError, isAppError } from "@/lib/app-error";
import { translateFieldErrors, translateFormMessage } from "@/lib/i18n/form-errors";

// A public form's refusal in the visitor's language: the same AppError (code, fields) with its
// messages mapped through the catalogue. Anything else (a redirect, a bug) passes through as is.
export async function localizeError(error: unknown, reasons: Record<string, string> = {}): Promise<unknown> {
  if (!isAppError(error) || (await getLocale()) === "en") return error;
  const t = await getTranslations("formErrors");
  const tr = (key: string, values?: Record<string, string>) => t(key as never, values as never);
  return new AppError(error.code, translateFormMessage(error.message, tr, reasons), translateFieldErrors(error.fieldErrors, tr, reasons));
}
