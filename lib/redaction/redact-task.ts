import { findRemaining, findTextInRegions, redactPdf, type RedactionResult, type Region } from "@/lib/redaction/redact-pdf";

export type RedactTaskInput = { terms: string[]; regions: Region[] };
export type RedactTaskOutput = RedactionResult & { remainingTerms: string[]; remainingInRegions: number[] };

// What the parser sandbox runs for a redaction job: make the copy, then read it back — every
// stream inflated, every string object, and the glyphs still shown inside each region.
export async function runRedactTask(bytes: Uint8Array, input: RedactTaskInput): Promise<RedactTaskOutput> {
  const result = await redactPdf(bytes, input.terms, input.regions);
  const remainingTerms = await findRemaining(result.bytes, input.terms);
  const remainingInRegions = await findTextInRegions(result.bytes, input.regions);
  return { ...result, remainingTerms, remainingInRegions };
}
