import { z } from "zod";
import {
  ZAllegationPage,
  ZApiError,
  ZClaimDecided,
  ZClaimFiled,
  ZClaimPage,
  ZClaimUploadReceipt,
  ZEvidenceLinkCreated,
  ZEvidenceLinkList,
  ZExhibitDetail,
  ZExhibitPage,
  ZExhibitUploaded,
  ZGapReport,
  ZMatterList,
} from "@/lib/schemas/api";
import { ZAllegationListQuery, ZClaimDecisionRequest, ZClaimListQuery, ZCreateEvidenceLink, ZExhibitListQuery, ZGapListQuery } from "@/lib/schemas/api-v1";

// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the routes parse
// their input with and build their answers through, so the document cannot drift from the code.
// Pure: the route serves it and a test checks every route file is described.

type Json = Record<string, unknown>;
const schema = (s: z.ZodType, io: "input" | "output" = "output"): Json => z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;

function queryParameters(s: z.ZodObject): Json[] {
  const json = schema(s, "input") as { properties: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties).map(([name, p]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: p }));
}

const path = (name: string, description: string): Json => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const matterId = path("matterId", "The matter's id (GET /api/v1/matters).");
const allegationId = path("allegationId", "The allegation's id (GET /api/v1/matters/{matterId}/allegations).");
const json = (s: z.ZodType, description: string): Json => ({ description, content: { "application/json": { schema: schema(s) } } });
const file = (description: string, type = "application/octet-stream"): Json => ({ description, content: { [type]: { schema: { type: "string", format: "binary" } } } });
const errors = (...codes: number[]): Json =>
  Object.fromEntries(codes.map((c) => [String(c), json(ZApiError, ERROR_TEXT[c] ?? "Refused; see error.code and error.message.")]));
const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request.",
  401: "No session and no bearer token, or the token is malformed, unknown, revoked or expired.",
  403: "The caller's role on the matter, or a read-only token, does not allow this.",
  404: "Not found, or not visible to the caller (the API does not say which).",
  409: "The record's state does not allow this now (a claim already decided, an allegation an amended complaint withdrew), or the same Idempotency-Key is still being processed.",
  413: "The body is larger than allowed.",
  415: "The body's Content-Type is not one this endpoint takes.",
  422: "Invalid input; error.fieldErrors names each field.",
  429: "Too many requests; retry after the Retry-After header's seconds.",
};
const body = (s: z.ZodType): Json => ({ required: true, content: { "application/json": { schema: schema(s, "input") } } });
const idempotencyKey: Json = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique string (a UUID). A retry with the same key and the same body gets the first answer again (with `Idempotent-Replayed: true`) and writes nothing; the same key with a different body is refused with 422; while the first request is still running, 409. Successful answers are kept for 24 hours.",
  schema: { type: "string", maxLength: 255 },
};
const etag = { ETag: { description: "Send back in If-None-Match: an unchanged answer is 304 with no body.", schema: { type: "string" } } };

export function openApiDocument(serverUrl: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Proofline API",
      version: "1",
      description:
        "The JSON API of Proofline. Authenticate with a personal access token (Account → API tokens) as `Authorization: Bearer pl_…`; a token reaches only the matters it was made for, and a read-only token only GET. A claim-feed (service) token files claims on its one matter (POST /api/v1/claims/{matterSlug}) and nothing else. Errors share one shape: `{ error: { code, message, fieldErrors? } }`. Lists page by cursor (pass back `nextCursor`); GETs carry an ETag; POSTs take an `Idempotency-Key`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal access token or a claim-feed token, `pl_<id>_<secret>`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session (same-site requests only)." },
      },
    },
    paths: {
      "/api/v1/matters": {
        get: { summary: "List your matters", operationId: "listMatters", responses: { "200": { ...json(ZMatterList, "The matters."), headers: etag }, ...errors(401) } },
      },
      "/api/v1/matters/{matterId}/allegations": {
        get: {
          summary: "List allegations with their support status",
          operationId: "listAllegations",
          description: "Allegations an amended complaint withdrew are left out; their links stay readable by id.",
          parameters: [matterId, ...queryParameters(ZAllegationListQuery)],
          responses: { "200": { ...json(ZAllegationPage, "One page, in complaint order."), headers: etag }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/v1/matters/{matterId}/allegations/{allegationId}/links": {
        get: {
          summary: "An allegation's evidence links and the status they add up to",
          operationId: "listEvidenceLinks",
          parameters: [matterId, allegationId],
          responses: { "200": { ...json(ZEvidenceLinkList, "Every link, oldest first; removed ones carry removedAt."), headers: etag }, ...errors(401, 404) },
        },
        post: {
          summary: "Link an exhibit to an allegation (write access)",
          operationId: "createEvidenceLink",
          description: "Linking answers an open evidence request named by requestId, and a SUPPORTS link from a non-privileged exhibit clears an 'unsupported' flag. Audited with the token.",
          parameters: [matterId, allegationId, idempotencyKey],
          requestBody: body(ZCreateEvidenceLink),
          responses: { "201": json(ZEvidenceLinkCreated, "The link (or, replayed, the first answer)."), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/v1/matters/{matterId}/gaps": {
        get: {
          summary: "The gap report: every allegation not proven",
          operationId: "gapReport",
          description:
            "Allegations whose derived status is not SUPPORTED, or that a person flagged, with their elements and open evidence requests, in complaint order, a page at a time (limit, default 100, at most 500; pass back nextCursor as cursor). totals count the whole report, not the page. Withdrawn allegations are left out.",
          parameters: [matterId, ...queryParameters(ZGapListQuery)],
          responses: { "200": { ...json(ZGapReport, "One page of the report, with the report's totals."), headers: etag }, ...errors(401, 404, 422) },
        },
      },
      "/api/v1/matters/{matterId}/claims": {
        get: {
          summary: "List claims",
          operationId: "listClaims",
          parameters: [matterId, ...queryParameters(ZClaimListQuery)],
          responses: { "200": { ...json(ZClaimPage, "One page, oldest first."), headers: etag }, ...errors(401, 404, 422) },
        },
      },
      "/api/v1/matters/{matterId}/claims/{claimId}/decision": {
        post: {
          summary: "Decide a claim: approve, reject, or mark deficient (write access)",
          operationId: "decideClaim",
          description: "approve and reject need an attorney's token; deficient (a notice mailed to the claimant with a deadline) the team's. A claim whose status does not allow the decision answers 409.",
          parameters: [matterId, path("claimId", "The claim's id."), idempotencyKey],
          requestBody: body(ZClaimDecisionRequest),
          responses: { "200": json(ZClaimDecided, "The claim after the decision (or, replayed, the first answer)."), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits": {
        get: {
          summary: "List exhibits, filtered or searched",
          operationId: "listExhibits",
          description: "In exhibit-number order. q takes the Exhibits page's search syntax (AND, OR, NOT, \"phrases\", prefix*) and narrows the list to the exhibits among the search's best-ranked hits, each with where it matched. Privileged exhibits are listed to the whole team with their designation.",
          parameters: [matterId, ...queryParameters(ZExhibitListQuery)],
          responses: { "200": { ...json(ZExhibitPage, "One page."), headers: etag }, ...errors(401, 404, 422) },
        },
        post: {
          summary: "Upload an exhibit (streamed, hashed on ingest)",
          operationId: "uploadExhibit",
          parameters: [
            matterId,
            { name: "X-File-Name", in: "header", required: true, description: "The original file name, percent-encoded.", schema: { type: "string" } },
            { name: "X-Exhibit-Metadata", in: "header", required: false, description: "Percent-encoded JSON: title, source, custodian, obtainedAt (YYYY-MM-DD), collectedBy.", schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "201": json(ZExhibitUploaded, "A new exhibit."), "200": json(ZExhibitUploaded, "These bytes were already an exhibit of the matter."), ...errors(401, 403, 404, 413, 415, 422) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/linkable": {
        get: {
          summary: "Find exhibits by number, title or text",
          operationId: "findExhibits",
          parameters: [matterId, { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 } }],
          responses: { "200": { description: "Matching exhibits.", content: { "application/json": { schema: { type: "object" } } } }, ...errors(401, 404, 422) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/{exhibitId}": {
        get: {
          summary: "An exhibit's metadata and SHA-256",
          operationId: "getExhibit",
          parameters: [matterId, path("exhibitId", "The exhibit's id.")],
          responses: { "200": { ...json(ZExhibitDetail, "The exhibit."), headers: etag }, ...errors(401, 404) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/{exhibitId}/file": {
        get: {
          summary: "Download an exhibit's original (SHA-256 re-verified before sending)",
          operationId: "downloadExhibit",
          parameters: [matterId, path("exhibitId", "The exhibit's id.")],
          responses: { "200": file("The original bytes."), ...errors(401, 404) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/exports/{report}": {
        get: {
          summary: "Export a paper: exhibit list, privilege log, production log or certification",
          operationId: "exportReport",
          parameters: [
            matterId,
            {
              name: "report",
              in: "path",
              required: true,
              schema: { enum: ["exhibit-list.csv", "exhibit-list.pdf", "privilege-log.csv", "privilege-log.pdf", "production-log.csv", "production-log.pdf", "certification.pdf", "certification.docx"] },
            },
          ],
          responses: { "200": file("The file."), ...errors(401, 403, 404, 422) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/{exhibitId}/preview": {
        get: {
          summary: "Preview an exhibit: its metadata and the start of its text",
          operationId: "previewExhibit",
          parameters: [matterId, path("exhibitId", "The exhibit's id.")],
          responses: { "200": { description: "The preview.", content: { "application/json": { schema: { type: "object" } } } }, ...errors(401, 404) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/{exhibitId}/redacted/{copyId}": {
        get: {
          summary: "Download a redacted copy (attorneys)",
          operationId: "downloadRedactedCopy",
          parameters: [matterId, path("exhibitId", "The exhibit's id."), path("copyId", "The redacted copy's id.")],
          responses: { "200": file("The redacted PDF.", "application/pdf"), ...errors(401, 403, 404) },
        },
      },
      "/api/v1/matters/{matterId}/exhibits/productions/{productionId}/zip": {
        get: {
          summary: "Download a production's ZIP (the bytes packaged when it was made)",
          description: "An image production is packaged by a background job that renders its pages; until it has, or when its pages could not be rendered, the answer is 409 with the reason.",
          operationId: "downloadProduction",
          parameters: [matterId, path("productionId", "The production's id.")],
          responses: { "200": file("The production volume.", "application/zip"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/matters/{matterId}/intake/files": {
        post: {
          summary: "Stage a ZIP (or its CSV load file) for bulk intake",
          operationId: "stageIntakeFile",
          parameters: [matterId, { name: "X-File-Name", in: "header", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "201": { description: "Staged; start the batch with its SHA-256.", content: { "application/json": { schema: { type: "object" } } } }, ...errors(401, 403, 404, 413, 415, 422) },
        },
      },
      "/api/v1/matters/{matterId}/intake/{batchId}/failures": {
        get: {
          summary: "A bulk intake's per-file failure report",
          operationId: "intakeFailures",
          parameters: [matterId, path("batchId", "The intake batch's id.")],
          responses: { "200": file("One row per file not taken in: name and reason.", "text/csv"), ...errors(401, 404) },
        },
      },
      "/api/v1/matters/{matterId}/analyses/{analysisId}/{paper}": {
        get: {
          summary: "An analysis's papers: the FRE 902(13) draft (attorneys) or the methodology appendix",
          operationId: "analysisPaper",
          parameters: [
            matterId,
            path("analysisId", "A capture or package analysis's id."),
            { name: "paper", in: "path", required: true, schema: { enum: ["certification-902-13.pdf", "certification-902-13.docx", "methodology.pdf"] } },
          ],
          responses: { "200": file("The paper."), ...errors(401, 403, 404) },
        },
      },
      "/api/v1/settlements/{matterSlug}/documents/{exhibitId}": {
        get: {
          summary: "A court document published on the settlement website (public)",
          operationId: "settlementDocument",
          security: [],
          parameters: [path("matterSlug", "The settlement's public slug."), path("exhibitId", "The published document's id.")],
          responses: { "200": file("The PDF.", "application/pdf"), ...errors(404) },
        },
      },
      "/api/v1/claims/{matterSlug}": {
        post: {
          summary: "File a claim (public, or a claim feed with its token; the fields follow the matter's claim form)",
          operationId: "fileClaim",
          description:
            "Anyone may file without a token. A notice administrator's feed sends the matter's claim-feed token (made on the matter's settings page) as `Authorization: Bearer`: its claims are rate-limited per token rather than per address and each is audited with the token. A claim-feed token works on this route of its own matter only (another matter: 404; every other route: 403); a personal access token is refused here (403); a revoked or expired token is 401.",
          security: [{}, { bearerAuth: [] }],
          parameters: [path("matterSlug", "The settlement's public slug, as in /claim/<slug>.")],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "The claim form's fields, including idempotencyKey (a UUID): a resend with the same key files nothing twice." } } } },
          responses: { "201": json(ZClaimFiled, "Filed."), "200": json(ZClaimFiled, "Already filed with this idempotency key."), ...errors(400, 401, 403, 404, 413, 415, 422, 429) },
        },
      },
      "/api/v1/claims/{matterSlug}/uploads": {
        post: {
          summary: "Upload a supporting document for a claim not yet filed (public)",
          description:
            "The file's bytes as the body (PDF, JPEG, PNG, HEIC or WebP, judged from the bytes; at most 10 MB) and its name, percent-encoded, in X-File-Name. The answer's uploadToken goes in the claim's `documents` array (at most 5). An upload no claim names is removed after 24 hours.",
          operationId: "uploadClaimDocument",
          security: [],
          parameters: [path("matterSlug", "The settlement's public slug, as in /claim/<slug>."), { name: "X-File-Name", in: "header", required: true, description: "The file's name, percent-encoded.", schema: { type: "string", maxLength: 600 } }],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "201": json(ZClaimUploadReceipt, "Stored; name the token in the claim."), ...errors(403, 404, 413, 422, 429) },
        },
      },
    },
  };
}
