-- CreateTable
CREATE TABLE "SdkSignature" (
    "id" UUID NOT NULL,
    "layer" "KbLayer" NOT NULL,
    "prefix" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "sdk" TEXT NOT NULL,
    "category" "TrackerCategory",
    "source" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SdkSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KbImport" (
    "id" UUID NOT NULL,
    "layer" "KbLayer" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "errors" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KbImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SdkSignature_layer_prefix_key" ON "SdkSignature"("layer", "prefix");

-- CreateIndex
CREATE INDEX "KbImport_createdAt_idx" ON "KbImport"("createdAt");


