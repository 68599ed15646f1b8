-- AlterTable
ALTER TABLE "Allegation" ADD COLUMN     "sdkPrefixes" TEXT[] DEFAULT ARRAY[]::TEXT[];
