-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "detailsAfterLockAt" TIMESTAMPTZ(3),
ADD COLUMN     "exportedAt" TIMESTAMPTZ(3);
