-- Opt-outs (requests for exclusion), their matches with claims, and objections.
-- CreateEnum
CREATE TYPE "OptOutStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateTable
CREATE TABLE "OptOut" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT,
    "dateOfBirth" DATE,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" CHAR(2) NOT NULL,
    "zip" TEXT NOT NULL,
    "addressNormalized" TEXT NOT NULL,
    "attestationText" TEXT NOT NULL,
    "attestationName" TEXT NOT NULL,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL,
    "attestationIp" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "timely" BOOLEAN NOT NULL,
    "status" "OptOutStatus" NOT NULL DEFAULT 'ACTIVE',
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "revokedReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptOutClaimMatch" (
    "optOutId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "basis" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptOutClaimMatch_pkey" PRIMARY KEY ("optOutId","claimId")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" CHAR(2) NOT NULL,
    "zip" TEXT NOT NULL,
    "addressNormalized" TEXT NOT NULL,
    "represented" BOOLEAN NOT NULL,
    "counselName" TEXT,
    "appearAtHearing" BOOLEAN NOT NULL,
    "grounds" TEXT NOT NULL,
    "documentSha256" CHAR(64),
    "documentFilename" TEXT,
    "attestationText" TEXT NOT NULL,
    "attestationName" TEXT NOT NULL,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL,
    "attestationIp" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "timely" BOOLEAN NOT NULL,
    "optOutId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OptOut_number_key" ON "OptOut"("number");

-- CreateIndex
CREATE INDEX "OptOut_matterId_nameNormalized_idx" ON "OptOut"("matterId", "nameNormalized");

-- CreateIndex
CREATE INDEX "OptOut_matterId_createdAt_idx" ON "OptOut"("matterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OptOut_matterId_idempotencyKey_key" ON "OptOut"("matterId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "OptOutClaimMatch_claimId_idx" ON "OptOutClaimMatch"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_number_key" ON "Objection"("number");

-- CreateIndex
CREATE INDEX "Objection_matterId_nameNormalized_idx" ON "Objection"("matterId", "nameNormalized");

-- CreateIndex
CREATE INDEX "Objection_matterId_createdAt_idx" ON "Objection"("matterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_matterId_idempotencyKey_key" ON "Objection"("matterId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "OptOut" ADD CONSTRAINT "OptOut_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptOut" ADD CONSTRAINT "OptOut_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptOutClaimMatch" ADD CONSTRAINT "OptOutClaimMatch_optOutId_fkey" FOREIGN KEY ("optOutId") REFERENCES "OptOut"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptOutClaimMatch" ADD CONSTRAINT "OptOutClaimMatch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_documentSha256_fkey" FOREIGN KEY ("documentSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_optOutId_fkey" FOREIGN KEY ("optOutId") REFERENCES "OptOut"("id") ON DELETE SET NULL ON UPDATE CASCADE;


