import "server-only";
import type PgBoss from "pg-boss";
import type { Actor } from "@/lib/server/auth/actor";

// Every background queue in one list: name, handler, queue options, an optional cron schedule
// and an optional `recover` that re-enqueues work whose job was lost between commit and send.
// Features add their queue here; the worker (worker.ts) and enqueue() (boss.ts) read this list.
// Handlers are imported lazily so the web process loads a feature's heavy libraries only when
// a job of that kind runs.
type QueueDef<T> = {
  run: (data: T) => Promise<void>;
  options?: PgBoss.Queue;
  schedule?: string;
  recover?: () => Promise<{ data: T; singletonKey?: string }[]>;
};

function queue<T>(def: QueueDef<T>): QueueDef<T> {
  return def;
}

export const QUEUES = {
  "exhibit-extract": queue<{ exhibitId: string }>({
    run: async (data) => (await import("@/lib/server/exhibits/extract-exhibit-text")).unsafeExtractExhibitText(data.exhibitId),
    // A job retried after its process died finds the exhibit's unfinished runs counted; the
    // second retry is the run that fails the exhibit instead of parsing again. The expiry stays
    // above the parse's time budget (PARSER_TIME_LIMIT_SECONDS, at most 10 minutes).
    options: { name: "exhibit-extract", retryLimit: 2, retryDelay: 10, expireInSeconds: 15 * 60 },
    recover: async () => (await import("@/lib/server/exhibits/extract-exhibit-text")).unsafeFindLostExtractions(),
  }),
  // A complaint split into proposed allegations (complaint import), parsed in the sandbox.
  "complaint-import": queue<{ importId: string }>({
    run: async (data) => (await import("@/lib/server/complaints/run-complaint-import")).unsafeRunComplaintImport(data.importId),
    options: { name: "complaint-import", retryLimit: 1, retryDelay: 10, expireInSeconds: 15 * 60 },
    recover: async () => (await import("@/lib/server/complaints/run-complaint-import")).unsafeFindQueuedComplaintImports(),
  }),
  // A redacted copy of a PDF exhibit (request-redaction.ts), made and verified in the parser
  // sandbox; the expiry stays above the two sandbox runs' time budgets.
  "exhibit-redact": queue<{ requestId: string }>({
    run: async (data) => (await import("@/lib/server/exhibits/run-redaction")).unsafeRunRedaction(data.requestId),
    options: { name: "exhibit-redact", retryLimit: 1, retryDelay: 10, expireInSeconds: 25 * 60 },
    recover: async () => (await import("@/lib/server/exhibits/run-redaction")).unsafeFindLostRedactions(),
  }),
  // An image production's delivery (create-production.ts): every page rendered at 300 DPI in the
  // parser sandbox, a few pages per worker, then the ZIP packaged once. The expiry stays above
  // the render of a few thousand pages.
  "production-package": queue<{ productionId: string }>({
    run: async (data) => (await import("@/lib/server/exhibits/run-production-package")).unsafeRunProductionPackage(data.productionId),
    options: { name: "production-package", retryLimit: 2, retryDelay: 30, expireInSeconds: 4 * 60 * 60 },
    recover: async () => (await import("@/lib/server/exhibits/run-production-package")).unsafeFindUnpackagedProductions(),
  }),
  // Bulk intake of one uploaded ZIP (start-intake.ts). A retry resumes after the files already
  // recorded; one file's failure is recorded against that file and never fails the job.
  "intake-batch": queue<{ batchId: string }>({
    run: async (data) => (await import("@/lib/server/intake/run-intake-batch")).unsafeRunIntakeBatch(data.batchId),
    options: { name: "intake-batch", retryLimit: 2, retryDelay: 30, expireInSeconds: 4 * 60 * 60 },
    recover: async () => (await import("@/lib/server/intake/run-intake-batch")).unsafeFindLostIntakeBatches(),
  }),
  // A network capture's analysis (lib/analyzer/har), created with the exhibit on ingest or on a
  // staff request to re-analyse; the expiry stays above the analysis's own time budget.
  "capture-analyze": queue<{ analysisId: string }>({
    run: async (data) => (await import("@/lib/server/network/analyze-capture")).unsafeAnalyzeCapture(data.analysisId),
    options: { name: "capture-analyze", retryLimit: 1, retryDelay: 10, expireInSeconds: 15 * 60 },
    recover: async () => (await import("@/lib/server/network/analyze-capture")).unsafeFindLostAnalyses(),
  }),
  // An Android package's static analysis (lib/analyzer/apk), created with the exhibit on ingest;
  // the expiry stays above the analysis's own time budget.
  "apk-analyze": queue<{ analysisId: string }>({
    run: async (data) => (await import("@/lib/server/apk/analyze-apk-exhibit")).unsafeAnalyzeApkExhibit(data.analysisId),
    options: { name: "apk-analyze", retryLimit: 1, retryDelay: 10, expireInSeconds: 15 * 60 },
    recover: async () => (await import("@/lib/server/apk/analyze-apk-exhibit")).unsafeFindLostApkAnalyses(),
  }),
  "integrity-sweep": queue<Record<string, never>>({
    run: async () => {
      await (await import("@/lib/server/exhibits/integrity-sweep")).unsafeRunIntegritySweep({ trigger: "job" });
    },
    options: { name: "integrity-sweep", retryLimit: 0, expireInSeconds: 6 * 60 * 60 },
    // Nightly, when nobody is uploading.
    schedule: "0 3 * * *",
  }),
  // Batch re-scoring of a matter's claims, requested by staff (request-rescore.ts); a failure is
  // written to the matter's audit trail, where the claims page reads the run's state.
  "claims-rescore": queue<{ matterId: string; actor: Actor }>({
    run: async ({ matterId, actor }) => {
      const { unsafeRescoreMatter } = await import("@/lib/server/claims/rescore-claims");
      try {
        await unsafeRescoreMatter(matterId, actor);
      } catch (error) {
        const [{ db }, { appendAudit }, { RESCORE_ACTIONS }] = await Promise.all([
          import("@/lib/server/db"),
          import("@/lib/server/audit/append-audit"),
          import("@/lib/server/claims/get-rescore-status"),
        ]);
        const reason = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error);
        await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: RESCORE_ACTIONS.failed, entityId: matterId, details: { reason } }));
        throw error;
      }
    },
    options: { name: "claims-rescore", retryLimit: 0, expireInSeconds: 60 * 60 },
  }),
  // A bulk claim import (start-claim-import.ts): the stored CSV validated, staged with COPY and
  // inserted set-wise in one transaction. A failure is recorded on the import (never retried:
  // it would fail again); a job whose process died is retried from the first row.
  "claims-import": queue<{ importId: string }>({
    run: async (data) => {
      await (await import("@/lib/server/claims/run-claim-import")).unsafeRunClaimImport(data.importId);
    },
    options: { name: "claims-import", retryLimit: 1, retryDelay: 10, expireInSeconds: 60 * 60 },
    recover: async () => (await import("@/lib/server/claims/run-claim-import")).unsafeFindQueuedClaimImports(),
  }),
  // Mail a request did not send itself (a staff decision, an SMTP failure, an instance that
  // stopped first): sent every minute; a redacted one past its grace is marked undeliverable.
  "mail-sweep": queue<Record<string, never>>({
    run: async () => {
      await (await import("@/lib/server/mail/deliver-outbox")).deliverOutbox();
    },
    options: { name: "mail-sweep", retryLimit: 0, expireInSeconds: 5 * 60 },
    schedule: "* * * * *",
  }),
  // A rate-limit row outlives its window only as dead weight: a flood of one-off IPs and emails
  // would otherwise grow the table without bound.
  "rate-limit-sweep": queue<Record<string, never>>({
    run: async () => {
      const { logger } = await import("@/lib/server/logger");
      const removed = await (await import("@/lib/server/rate-limit/rate-limit")).sweepRateLimits();
      if (removed > 0) logger.info({ removed }, "swept expired rate-limit windows");
    },
    options: { name: "rate-limit-sweep", retryLimit: 0, expireInSeconds: 10 * 60 },
    schedule: "*/10 * * * *",
  }),
  // Claim-form uploads no claim took, and saved forms, once expired (with their files).
  "claim-upload-sweep": queue<Record<string, never>>({
    run: async () => {
      await (await import("@/lib/server/claims/sweep-claim-uploads")).unsafeSweepClaimUploads();
    },
    options: { name: "claim-upload-sweep", retryLimit: 0, expireInSeconds: 30 * 60 },
    schedule: "17 * * * *",
  }),
  // Signed chain heads leave the database every ten minutes, so a later rewrite of the audit log
  // is caught by audit:verify even if it was resealed with the key.
  "audit-heads-export": queue<Record<string, never>>({
    run: async () => {
      await (await import("@/lib/server/audit/export-audit-heads")).unsafeExportAuditHeads();
    },
    options: { name: "audit-heads-export", retryLimit: 1, expireInSeconds: 5 * 60 },
    schedule: "*/10 * * * *",
  }),
};

export type QueueName = keyof typeof QUEUES;
