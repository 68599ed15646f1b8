-- Documents uploaded with the claim form before the claim exists, and claim forms saved to resume.
CREATE TABLE "ClaimUpload" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "blobSha256" CHAR(64) NOT NULL,
    "filename" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "claimId" UUID,
    "draftId" UUID,

    CONSTRAINT "ClaimUpload_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ClaimDraft" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClaimDraft_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ClaimUpload_tokenHash_key" ON "ClaimUpload"("tokenHash");
CREATE INDEX "ClaimUpload_expiresAt_idx" ON "ClaimUpload"("expiresAt");
CREATE INDEX "ClaimUpload_claimId_idx" ON "ClaimUpload"("claimId");
CREATE UNIQUE INDEX "ClaimDraft_tokenHash_key" ON "ClaimDraft"("tokenHash");
CREATE INDEX "ClaimDraft_expiresAt_idx" ON "ClaimDraft"("expiresAt");

ALTER TABLE "ClaimUpload" ADD CONSTRAINT "ClaimUpload_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimUpload" ADD CONSTRAINT "ClaimUpload_blobSha256_fkey" FOREIGN KEY ("blobSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClaimUpload" ADD CONSTRAINT "ClaimUpload_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimDraft" ADD CONSTRAINT "ClaimDraft_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimUpload" ADD CONSTRAINT "ClaimUpload_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ClaimDraft"("id") ON DELETE SET NULL ON UPDATE CASCADE;
