-- One run of the APK analyzer over an app-package exhibit, its findings frozen as JSON.
CREATE TABLE "ApkAnalysis" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "inputSha256" CHAR(64) NOT NULL,
    "analyzerVersion" TEXT NOT NULL,
    "kbVersion" TEXT,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "findings" JSONB,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApkAnalysis_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ApkAnalysis_exhibitId_idx" ON "ApkAnalysis"("exhibitId");

CREATE INDEX "ApkAnalysis_status_idx" ON "ApkAnalysis"("status");

ALTER TABLE "ApkAnalysis" ADD CONSTRAINT "ApkAnalysis_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ApkAnalysis" ADD CONSTRAINT "ApkAnalysis_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;
