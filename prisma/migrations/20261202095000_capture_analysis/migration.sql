-- The placeholder tables TrackerDomain and NetworkObservation were never written to: they are
-- replaced by the layered knowledge base and by observations owned by a CaptureAnalysis.
DROP TABLE "NetworkObservation";
DROP TABLE "TrackerDomain";

-- CreateEnum
CREATE TYPE "KbLayer" AS ENUM ('OURS', 'IMPORTED_CSV', 'EXODUS');

-- CreateEnum
CREATE TYPE "TrackerCategory" AS ENUM ('ANALYTICS', 'CRASH_REPORTING', 'PUSH', 'ADS', 'APP_BACKEND');

-- CreateEnum
CREATE TYPE "DetectedDataCategory" AS ENUM ('IMEI', 'ANDROID_ID', 'ADVERTISING_ID', 'MAC_ADDRESS', 'DEVICE_MODEL', 'OS_VERSION', 'PRECISE_LOCATION', 'BROWSING_HISTORY', 'PHONE_NUMBER', 'EMAIL', 'CONTACTS', 'MEDIA');

-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "SuggestionDecisionKind" AS ENUM ('ACCEPTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "TrackerDomain" (
    "id" UUID NOT NULL,
    "layer" "KbLayer" NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'global',
    "domain" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "parent" TEXT,
    "country" CHAR(2),
    "category" "TrackerCategory" NOT NULL,
    "source" TEXT NOT NULL,
    "checkedOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrackerDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestDevice" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "imei" TEXT,
    "androidId" TEXT,
    "advertisingId" TEXT,
    "mac" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TestDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaptureAnalysis" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "inputSha256" CHAR(64) NOT NULL,
    "analyzerVersion" TEXT NOT NULL,
    "kbVersion" TEXT,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "harVersion" TEXT,
    "creatorName" TEXT,
    "creatorVersion" TEXT,
    "browserName" TEXT,
    "browserVersion" TEXT,
    "firstRequestAt" TIMESTAMPTZ(3),
    "lastRequestAt" TIMESTAMPTZ(3),
    "timeZones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "entryCount" INTEGER,
    "observationCount" INTEGER,
    "device" TEXT,
    "appVersion" TEXT,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "capturedBy" TEXT,
    "testDeviceLabel" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaptureAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkObservation" (
    "id" UUID NOT NULL,
    "analysisId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "entryIndex" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "registrableDomain" TEXT,
    "serverIp" TEXT,
    "serverIpCountry" CHAR(2),
    "status" INTEGER,
    "requestBytes" INTEGER,
    "responseBytes" INTEGER,
    "kbDomain" TEXT,
    "organisation" TEXT,
    "parent" TEXT,
    "country" CHAR(2),
    "trackerCategory" "TrackerCategory",
    "dataCategories" "DetectedDataCategory"[],
    "detections" JSONB NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NetworkObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionDecision" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "allegationId" UUID NOT NULL,
    "exhibitSha256" CHAR(64) NOT NULL,
    "entryIndex" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "decision" "SuggestionDecisionKind" NOT NULL,
    "reason" TEXT,
    "evidenceLinkId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrackerDomain_domain_idx" ON "TrackerDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "TrackerDomain_layer_scope_domain_key" ON "TrackerDomain"("layer", "scope", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "TestDevice_matterId_label_key" ON "TestDevice"("matterId", "label");

-- CreateIndex
CREATE INDEX "CaptureAnalysis_exhibitId_idx" ON "CaptureAnalysis"("exhibitId");

-- CreateIndex
CREATE INDEX "CaptureAnalysis_status_idx" ON "CaptureAnalysis"("status");

-- CreateIndex
CREATE UNIQUE INDEX "CaptureAnalysis_id_matterId_key" ON "CaptureAnalysis"("id", "matterId");

-- CreateIndex
CREATE INDEX "NetworkObservation_matterId_registrableDomain_idx" ON "NetworkObservation"("matterId", "registrableDomain");

-- CreateIndex
CREATE INDEX "NetworkObservation_exhibitId_idx" ON "NetworkObservation"("exhibitId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkObservation_analysisId_entryIndex_key" ON "NetworkObservation"("analysisId", "entryIndex");

-- CreateIndex
CREATE INDEX "SuggestionDecision_matterId_idx" ON "SuggestionDecision"("matterId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDecision_allegationId_exhibitSha256_entryIndex_ru_key" ON "SuggestionDecision"("allegationId", "exhibitSha256", "entryIndex", "ruleId");

-- AddForeignKey
ALTER TABLE "TestDevice" ADD CONSTRAINT "TestDevice_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaptureAnalysis" ADD CONSTRAINT "CaptureAnalysis_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaptureAnalysis" ADD CONSTRAINT "CaptureAnalysis_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_analysisId_matterId_fkey" FOREIGN KEY ("analysisId", "matterId") REFERENCES "CaptureAnalysis"("id", "matterId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDecision" ADD CONSTRAINT "SuggestionDecision_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDecision" ADD CONSTRAINT "SuggestionDecision_allegationId_matterId_fkey" FOREIGN KEY ("allegationId", "matterId") REFERENCES "Allegation"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDecision" ADD CONSTRAINT "SuggestionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


