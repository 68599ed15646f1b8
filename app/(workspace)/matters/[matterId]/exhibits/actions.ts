"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { requestRedaction } from "@/lib/server/exhibits/request-redaction";
import { retryExtraction } from "@/lib/server/exhibits/retry-extraction";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { acceptSuggestion } from "@/lib/server/network/accept-suggestion";
import { dismissSuggestion } from "@/lib/server/network/dismiss-suggestion";
import { reanalyzeCapture } from "@/lib/server/network/reanalyze-capture";
import { acceptSdkSuggestion } from "@/lib/server/apk/accept-sdk-suggestion";
import { dismissSdkSuggestion } from "@/lib/server/apk/dismiss-sdk-suggestion";
import { reanalyzeApk } from "@/lib/server/apk/reanalyze-apk";
import { deleteSavedSearch } from "@/lib/server/searches/delete-saved-search";
import { saveSearch } from "@/lib/server/searches/save-search";
import { tagExhibit } from "@/lib/server/tags/tag-exhibit";
import { untagExhibit } from "@/lib/server/tags/untag-exhibit";

const exhibitPath = (matterId: string, exhibitId: string) => `/matters/${matterId}/exhibits/${exhibitId}`;

export const updateExhibitMetadataAction = matterAction("exhibits.edit", async ({ actor, input }, matterId, exhibitId: string) => {
  await updateExhibitMetadata(actor, matterId, exhibitId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Metadata saved.");
});

export const designateExhibitAction = matterAction("exhibits.designate", async ({ actor, input }, matterId, exhibitId: string) => {
  await designateExhibit(actor, matterId, exhibitId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Designation changed.");
});

export const retryExtractionAction = matterAction("exhibits.retry-extraction", async ({ actor }, matterId, exhibitId: string) => {
  await retryExtraction(actor, matterId, exhibitId);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Extraction queued again.");
});

export const reanalyzeCaptureAction = matterAction("captures.analyze", async ({ actor }, matterId, exhibitId: string) => {
  await reanalyzeCapture(actor, matterId, exhibitId);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("A new analysis is queued; the earlier one stays.");
});

export const acceptSuggestionAction = matterAction("evidence.link", async ({ actor, input }, matterId, exhibitId: string) => {
  await acceptSuggestion(actor, matterId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Linked as supporting evidence.");
});

export const dismissSuggestionAction = matterAction("evidence.link", async ({ actor, input }, matterId, exhibitId: string) => {
  await dismissSuggestion(actor, matterId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Suggestion dismissed.");
});

export const reanalyzeApkAction = matterAction("captures.analyze", async ({ actor }, matterId, exhibitId: string) => {
  await reanalyzeApk(actor, matterId, exhibitId);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("A new analysis of the package is queued; the earlier one stays.");
});

export const acceptSdkSuggestionAction = matterAction("evidence.link", async ({ actor, input }, matterId, exhibitId: string) => {
  await acceptSdkSuggestion(actor, matterId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Linked as supporting evidence (code present in the package).");
});

export const dismissSdkSuggestionAction = matterAction("evidence.link", async ({ actor, input }, matterId, exhibitId: string) => {
  await dismissSdkSuggestion(actor, matterId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Suggestion dismissed.");
});

export const createProductionAction = matterAction("exhibits.produce", async ({ actor, input }, matterId) => {
  // One checkbox ticked arrives as a string, several as an array.
  const ids = input.exhibitIds;
  const production = await createProduction(actor, matterId, { ...input, exhibitIds: ids === undefined ? [] : [ids].flat() });
  redirect(`/matters/${matterId}/exhibits/productions?created=${production.id}`);
});

// The form sends the terms one per line with one reason for them all, and the regions drawn on
// the viewer as JSON (each with its own reason). Only the request is recorded here: the job
// makes and checks the copy, and the redaction page shows how it went.
export const requestRedactionAction = matterAction("exhibits.redact", async ({ actor, input }, matterId, exhibitId: string) => {
  const lines = typeof input.terms === "string" ? input.terms.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [];
  let regions: unknown = [];
  if (typeof input.regions === "string" && input.regions.trim()) {
    try {
      regions = JSON.parse(input.regions);
    } catch {
      regions = "not a list";
    }
  }
  await requestRedaction(actor, matterId, exhibitId, { terms: lines.map((text) => ({ text, reason: input.reason })), regions, submissionKey: input.submissionKey });
  revalidatePath(`${exhibitPath(matterId, exhibitId)}/redact`);
  return done("Redaction requested. The copy is being made and checked; its progress shows below.");
});

export const tagExhibitAction = matterAction("exhibits.tag", async ({ actor, input }, matterId, exhibitId: string) => {
  const tagged = await tagExhibit(actor, matterId, exhibitId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  const where = tagged.page ? ` on page ${tagged.page}` : "";
  return done(tagged.created ? `Tagged ${tagged.issue.label}${where}.` : `Already tagged ${tagged.issue.label}${where}.`);
});

export const untagExhibitAction = matterAction("exhibits.tag", async ({ actor, input }, matterId, exhibitId: string) => {
  await untagExhibit(actor, matterId, exhibitId, input);
  revalidatePath(exhibitPath(matterId, exhibitId));
  return done("Tag removed.");
});

// Saving runs the saved search at once: the page opens on it, with its name shown.
export const saveSearchAction = matterAction("searches.save", async ({ actor, input }, matterId) => {
  const saved = await saveSearch(actor, matterId, input);
  const filters = Object.entries(saved.filters as Record<string, string>);
  redirect(`/matters/${matterId}/exhibits?${new URLSearchParams([...filters, ["saved", saved.id]])}`);
});

export const deleteSavedSearchAction = matterAction("searches.save", async ({ actor, input }, matterId) => {
  await deleteSavedSearch(actor, matterId, input);
  redirect(`/matters/${matterId}/exhibits`);
});
