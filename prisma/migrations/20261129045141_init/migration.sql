-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('ADMIN', 'STAFF', 'CLASS_MEMBER');

-- CreateEnum
CREATE TYPE "MatterRole" AS ENUM ('ATTORNEY', 'PARALEGAL');

-- CreateEnum
CREATE TYPE "PlaintiffKind" AS ENUM ('NAMED', 'PUTATIVE');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('SELF_CREATED', 'CREATED_WITHOUT_CONSENT', 'NO_ACCOUNT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "AllegationKind" AS ENUM ('GENERAL', 'DATA_TRANSFER', 'SDK_EMBEDDED', 'ACCOUNT_CREATION', 'BIOMETRIC');

-- CreateEnum
CREATE TYPE "FlagSeverity" AS ENUM ('UNSUPPORTED', 'WEAK');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('DEVICE_IDENTIFIERS', 'HARDWARE_INFO', 'BROWSING_HISTORY', 'LOCATION', 'CONTACTS', 'BIOMETRIC_FACE', 'BIOMETRIC_VOICE', 'VIDEO_CONTENT', 'CLIPBOARD', 'ACCOUNT_IDENTIFIERS');

-- CreateEnum
CREATE TYPE "AppPlatform" AS ENUM ('ANDROID', 'IOS', 'WEB', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ExhibitKind" AS ENUM ('DOCUMENT', 'EMAIL', 'IMAGE', 'SPREADSHEET', 'TEXT', 'NETWORK_CAPTURE', 'APP_PACKAGE', 'ARCHIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('PUBLIC', 'CONFIDENTIAL', 'AEO');

-- CreateEnum
CREATE TYPE "Privilege" AS ENUM ('NONE', 'ATTORNEY_CLIENT', 'WORK_PRODUCT');

-- CreateEnum
CREATE TYPE "ExtractionStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "LinkRelation" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'CONTEXT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'FULFILLED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'DEFICIENT', 'APPROVED', 'REJECTED', 'DUPLICATE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ClaimEventType" AS ENUM ('SUBMITTED', 'VERIFIED', 'DEFICIENCY_NOTICE', 'DEFICIENCY_RESPONSE', 'RECOMMENDED', 'APPROVED', 'REJECTED', 'MARKED_DUPLICATE', 'WITHDRAWN', 'RESCORED', 'NOTE');

-- CreateEnum
CREATE TYPE "SignalKind" AS ENUM ('SAME_EMAIL', 'SAME_PHONE', 'SAME_ADDRESS', 'NAME_DOB_NEAR_DUPLICATE', 'IP_BURST', 'ADDRESS_BURST', 'VELOCITY_SPIKE', 'DISPOSABLE_EMAIL');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "AccountRole" NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Matter" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "caption" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "court" TEXT NOT NULL,
    "docketNumber" TEXT NOT NULL,
    "filedOn" DATE,
    "description" TEXT,
    "classPeriodStart" DATE,
    "classPeriodEnd" DATE,
    "claimDeadline" DATE,
    "exhibitPrefix" TEXT NOT NULL DEFAULT 'PX',
    "nextExhibitNumber" INTEGER NOT NULL DEFAULT 1,
    "batesPrefix" TEXT NOT NULL,
    "nextBatesNumber" INTEGER NOT NULL DEFAULT 1,
    "claimForm" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Matter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "role" "MatterRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plaintiff" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PlaintiffKind" NOT NULL,
    "residenceCity" TEXT,
    "residenceState" CHAR(2) NOT NULL,
    "appUsage" TEXT NOT NULL,
    "firstUseFrom" DATE,
    "firstUseTo" DATE,
    "accountStatus" "AccountStatus" NOT NULL,
    "notes" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Plaintiff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Count" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "statute" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Count_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Element" (
    "id" UUID NOT NULL,
    "countId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Element_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allegation" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "AllegationKind" NOT NULL,
    "flagSeverity" "FlagSeverity",
    "flagReason" TEXT,
    "flaggedAt" TIMESTAMPTZ(3),
    "flaggedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Allegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllegationElement" (
    "allegationId" UUID NOT NULL,
    "elementId" UUID NOT NULL,

    CONSTRAINT "AllegationElement_pkey" PRIMARY KEY ("allegationId","elementId")
);

-- CreateTable
CREATE TABLE "DataTransfer" (
    "allegationId" UUID NOT NULL,
    "dataCategories" "DataCategory"[],
    "destinationHost" TEXT NOT NULL,
    "recipientOrg" TEXT,
    "destinationCountry" CHAR(2),
    "sdk" TEXT,
    "observedFrom" DATE,
    "observedTo" DATE,
    "appPlatform" "AppPlatform" NOT NULL DEFAULT 'UNKNOWN',
    "appVersion" TEXT,

    CONSTRAINT "DataTransfer_pkey" PRIMARY KEY ("allegationId")
);

-- CreateTable
CREATE TABLE "Blob" (
    "sha256" CHAR(64) NOT NULL,
    "size" BIGINT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Exhibit" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "kind" "ExhibitKind" NOT NULL,
    "source" TEXT,
    "custodian" TEXT,
    "obtainedAt" TIMESTAMPTZ(3),
    "collectedBy" TEXT,
    "originalFilename" TEXT NOT NULL,
    "blobSha256" CHAR(64) NOT NULL,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'CONFIDENTIAL',
    "privilege" "Privilege" NOT NULL DEFAULT 'NONE',
    "privilegeBasis" TEXT,
    "batesStart" INTEGER,
    "batesEnd" INTEGER,
    "pageCount" INTEGER,
    "extractionStatus" "ExtractionStatus" NOT NULL DEFAULT 'QUEUED',
    "extractionError" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Exhibit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExhibitPage" (
    "exhibitId" UUID NOT NULL,
    "page" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ExhibitPage_pkey" PRIMARY KEY ("exhibitId","page")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "allegationId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "relation" "LinkRelation" NOT NULL,
    "pinCite" TEXT,
    "excerpt" TEXT,
    "note" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedById" UUID,
    "removalReason" TEXT,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceRequest" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "allegationId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "assigneeId" UUID,
    "dueOn" DATE,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "fulfilledByExhibitId" UUID,
    "cancelReason" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidenceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claimant" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "fullName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "guardianName" TEXT,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT,
    "phoneNormalized" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" CHAR(2) NOT NULL,
    "zip" TEXT NOT NULL,
    "addressNormalized" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Claimant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "claimantId" UUID NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'SUBMITTED',
    "answers" JSONB NOT NULL,
    "subclass" TEXT,
    "paymentPreference" TEXT NOT NULL,
    "noticeId" TEXT,
    "attestationText" TEXT NOT NULL,
    "attestationName" TEXT NOT NULL,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL,
    "attestationIp" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "fraudScore" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionReason" TEXT,
    "duplicateOfId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "type" "ClaimEventType" NOT NULL,
    "fromStatus" "ClaimStatus",
    "toStatus" "ClaimStatus",
    "actorId" UUID,
    "note" TEXT,
    "details" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSignal" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "kind" "SignalKind" NOT NULL,
    "weight" INTEGER NOT NULL,
    "matchedClaimId" UUID,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimSignal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackerDomain" (
    "id" UUID NOT NULL,
    "suffix" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackerDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkObservation" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "entryIndex" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "serverIp" TEXT,
    "dataCategories" "DataCategory"[],
    "trackerDomainId" UUID,
    "organisation" TEXT,
    "country" CHAR(2),

    CONSTRAINT "NetworkObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "matterId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "ip" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditSeal" (
    "eventId" BIGINT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "SubmissionKey" (
    "key" TEXT NOT NULL,
    "actorId" UUID,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Matter_slug_key" ON "Matter"("slug");

-- CreateIndex
CREATE INDEX "Membership_matterId_idx" ON "Membership"("matterId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_matterId_key" ON "Membership"("userId", "matterId");

-- CreateIndex
CREATE INDEX "Plaintiff_matterId_name_idx" ON "Plaintiff"("matterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Count_matterId_number_key" ON "Count"("matterId", "number");

-- CreateIndex
CREATE INDEX "Element_countId_position_idx" ON "Element"("countId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Allegation_matterId_paragraph_key" ON "Allegation"("matterId", "paragraph");

-- CreateIndex
CREATE UNIQUE INDEX "Allegation_id_matterId_key" ON "Allegation"("id", "matterId");

-- CreateIndex
CREATE INDEX "AllegationElement_elementId_idx" ON "AllegationElement"("elementId");

-- CreateIndex
CREATE INDEX "DataTransfer_destinationHost_idx" ON "DataTransfer"("destinationHost");

-- CreateIndex
CREATE INDEX "DataTransfer_destinationCountry_idx" ON "DataTransfer"("destinationCountry");

-- CreateIndex
CREATE INDEX "Exhibit_blobSha256_idx" ON "Exhibit"("blobSha256");

-- CreateIndex
CREATE UNIQUE INDEX "Exhibit_matterId_number_key" ON "Exhibit"("matterId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Exhibit_id_matterId_key" ON "Exhibit"("id", "matterId");

-- CreateIndex
CREATE INDEX "EvidenceLink_allegationId_idx" ON "EvidenceLink"("allegationId");

-- CreateIndex
CREATE INDEX "EvidenceLink_exhibitId_idx" ON "EvidenceLink"("exhibitId");

-- CreateIndex
CREATE INDEX "EvidenceLink_matterId_idx" ON "EvidenceLink"("matterId");

-- CreateIndex
CREATE INDEX "EvidenceRequest_matterId_status_idx" ON "EvidenceRequest"("matterId", "status");

-- CreateIndex
CREATE INDEX "EvidenceRequest_allegationId_idx" ON "EvidenceRequest"("allegationId");

-- CreateIndex
CREATE UNIQUE INDEX "Claimant_userId_key" ON "Claimant"("userId");

-- CreateIndex
CREATE INDEX "Claimant_emailNormalized_idx" ON "Claimant"("emailNormalized");

-- CreateIndex
CREATE INDEX "Claimant_phoneNormalized_idx" ON "Claimant"("phoneNormalized");

-- CreateIndex
CREATE INDEX "Claimant_addressNormalized_idx" ON "Claimant"("addressNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_number_key" ON "Claim"("number");

-- CreateIndex
CREATE INDEX "Claim_matterId_status_idx" ON "Claim"("matterId", "status");

-- CreateIndex
CREATE INDEX "Claim_matterId_fraudScore_idx" ON "Claim"("matterId", "fraudScore");

-- CreateIndex
CREATE INDEX "Claim_claimantId_idx" ON "Claim"("claimantId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_matterId_idempotencyKey_key" ON "Claim"("matterId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ClaimEvent_claimId_at_idx" ON "ClaimEvent"("claimId", "at");

-- CreateIndex
CREATE INDEX "ClaimSignal_claimId_idx" ON "ClaimSignal"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackerDomain_suffix_key" ON "TrackerDomain"("suffix");

-- CreateIndex
CREATE INDEX "NetworkObservation_matterId_host_idx" ON "NetworkObservation"("matterId", "host");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkObservation_exhibitId_entryIndex_key" ON "NetworkObservation"("exhibitId", "entryIndex");

-- CreateIndex
CREATE INDEX "AuditEvent_matterId_at_idx" ON "AuditEvent"("matterId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditSeal_chain_seq_key" ON "AuditSeal"("chain", "seq");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plaintiff" ADD CONSTRAINT "Plaintiff_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plaintiff" ADD CONSTRAINT "Plaintiff_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Count" ADD CONSTRAINT "Count_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Element" ADD CONSTRAINT "Element_countId_fkey" FOREIGN KEY ("countId") REFERENCES "Count"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allegation" ADD CONSTRAINT "Allegation_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allegation" ADD CONSTRAINT "Allegation_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllegationElement" ADD CONSTRAINT "AllegationElement_allegationId_fkey" FOREIGN KEY ("allegationId") REFERENCES "Allegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllegationElement" ADD CONSTRAINT "AllegationElement_elementId_fkey" FOREIGN KEY ("elementId") REFERENCES "Element"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataTransfer" ADD CONSTRAINT "DataTransfer_allegationId_fkey" FOREIGN KEY ("allegationId") REFERENCES "Allegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exhibit" ADD CONSTRAINT "Exhibit_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exhibit" ADD CONSTRAINT "Exhibit_blobSha256_fkey" FOREIGN KEY ("blobSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exhibit" ADD CONSTRAINT "Exhibit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitPage" ADD CONSTRAINT "ExhibitPage_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_allegationId_matterId_fkey" FOREIGN KEY ("allegationId", "matterId") REFERENCES "Allegation"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRequest" ADD CONSTRAINT "EvidenceRequest_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRequest" ADD CONSTRAINT "EvidenceRequest_allegationId_matterId_fkey" FOREIGN KEY ("allegationId", "matterId") REFERENCES "Allegation"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRequest" ADD CONSTRAINT "EvidenceRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRequest" ADD CONSTRAINT "EvidenceRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRequest" ADD CONSTRAINT "EvidenceRequest_fulfilledByExhibitId_fkey" FOREIGN KEY ("fulfilledByExhibitId") REFERENCES "Exhibit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claimant" ADD CONSTRAINT "Claimant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Claimant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSignal" ADD CONSTRAINT "ClaimSignal_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkObservation" ADD CONSTRAINT "NetworkObservation_trackerDomainId_fkey" FOREIGN KEY ("trackerDomainId") REFERENCES "TrackerDomain"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
