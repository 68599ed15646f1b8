-- Personal access tokens for the JSON API, and the token each audited change was made with.
-- CreateEnum
CREATE TYPE "ApiTokenAccess" AS ENUM ('READ', 'WRITE');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "viaTokenId" UUID;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "access" "ApiTokenAccess" NOT NULL,
    "matterIds" UUID[],
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiToken_userId_createdAt_idx" ON "ApiToken"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A token is revoked, never deleted: audit rows name it.
REVOKE DELETE, TRUNCATE ON "ApiToken" FROM proofline_app;
