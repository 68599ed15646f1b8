import "server-only";
import { AppError, type FieldErrors } from "@/lib/app-error";
import { dateFromCalendar } from "@/lib/schemas/common";
import type { TCreateAllegation } from "@/lib/schemas/allegation";
import type { Db, Tx } from "@/lib/server/db";

type Parsed = Omit<TCreateAllegation, "submissionKey">;

// Checks what zod cannot: the elements belong to this matter's counts and the ¶ number is free.
// Both problems are reported together, as field errors, before anything is written.
export async function checkAllegationReferences(client: Db | Tx, matterId: string, data: Parsed, exceptAllegationId?: string): Promise<void> {
  const errors: FieldErrors = {};
  const unique = [...new Set(data.elementIds)];
  if (unique.length > 0) {
    const found = await client.element.count({ where: { id: { in: unique }, count: { matterId } } });
    if (found !== unique.length) errors.elementIds = ["One or more chosen elements are not elements of this matter's counts"];
  }
  // A number typed in the form is the label "41"; an imported "41a" is a different ¶, and a
  // withdrawn ¶ 41 leaves the number free.
  const clash = await client.allegation.findFirst({ where: { matterId, paragraphLabel: String(data.paragraph), withdrawnAt: null }, select: { id: true } });
  if (clash && clash.id !== exceptAllegationId) errors.paragraph = [duplicateParagraph(data.paragraph)];
  if (Object.keys(errors).length) throw AppError.validation(errors);
}

export function duplicateParagraph(paragraph: number): string {
  return `¶ ${paragraph} is already an allegation in this matter`;
}

export function dataTransferRow(data: Parsed) {
  if (data.kind !== "DATA_TRANSFER") return null;
  return {
    dataCategories: [...new Set(data.dataCategories)],
    destinationHost: data.destinationHost!,
    recipientOrg: data.recipientOrg ?? null,
    destinationCountry: data.destinationCountry ?? null,
    sdk: data.sdk ?? null,
    observedFrom: dateFromCalendar(data.observedFrom),
    observedTo: dateFromCalendar(data.observedTo),
    appPlatform: data.appPlatform ?? "UNKNOWN",
    appVersion: data.appVersion ?? null,
  };
}

// The SDK prefixes an SDK_EMBEDDED allegation names (none for other kinds), each once.
export function sdkPrefixesOf(data: Parsed): string[] {
  return data.kind === "SDK_EMBEDDED" ? [...new Set(data.sdkPrefixes ?? [])] : [];
}

// The audit keeps what a person would read, not Date objects.
export function allegationSnapshot(data: Parsed) {
  const { paragraph, text, kind, elementIds } = data;
  const dt = dataTransferRow(data);
  return {
    paragraph,
    text,
    kind,
    elementIds: [...new Set(elementIds)].sort(),
    ...(kind === "SDK_EMBEDDED" && { sdkPrefixes: sdkPrefixesOf(data) }),
    dataTransfer: dt && { ...dt, observedFrom: data.observedFrom ?? null, observedTo: data.observedTo ?? null },
  };
}
