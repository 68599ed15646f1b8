import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

// The query parameters of pages that are not filter lists (those have their own filter
// schemas: ZClaimFilters, ZExhibitFilters, ZLedgerQuery). Parsed with parseSearchParams, so a
// bad value is dropped and the page shows its default.
const id = z.uuid();
const flag = z.literal("1");

// notice/code: from a mailed notice; draft: a saved form's resume token; saved: just saved.
export const ZClaimFormQuery = z.object({ notice: ZText().trim().max(40), code: ZText().trim().max(40), draft: ZText().max(100), saved: flag }).partial();
export const ZClaimSubmittedQuery = z.object({ number: ZText().max(40) }).partial();
export const ZVerifyQuery = z.object({ token: ZText().regex(/^[\w-]{1,200}$/) }).partial();
export const ZSignInQuery = z.object({ callbackUrl: ZText().max(2048), reset: flag }).partial();
export const ZResetPasswordQuery = z.object({ token: ZText().regex(/^[\w-]{1,200}$/) }).partial();
export const ZTwoFactorSetupQuery = z.object({ required: z.enum(["all", "matter"]), enrolled: flag }).partial();
export const ZMyClaimQuery = z.object({ answered: flag, withdrawn: flag }).partial();
export const ZSavedQuery = z.object({ saved: ZText().max(100) }).partial();
export const ZCreatedQuery = z.object({ created: id }).partial();
export const ZOutboxQuery = z.object({ to: ZText().trim().max(254) }).partial();
export const ZResponseConfirmationQuery = z.object({ ref: ZText().trim().max(40) }).partial();
