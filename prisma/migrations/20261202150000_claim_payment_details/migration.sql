-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('PAYPAL', 'VENMO', 'ACH', 'PREPAID_CARD', 'CHECK');

-- CreateEnum
CREATE TYPE "AchAccountType" AS ENUM ('CHECKING', 'SAVINGS');

-- CreateTable
CREATE TABLE "ClaimPaymentDetails" (
    "claimId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "recipient" TEXT,
    "achRoutingNumber" TEXT,
    "achAccountType" "AchAccountType",
    "achAccountLast4" TEXT,
    "achAccountCipher" TEXT,
    "payeeName" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID NOT NULL,

    CONSTRAINT "ClaimPaymentDetails_pkey" PRIMARY KEY ("claimId")
);

-- CreateIndex
CREATE INDEX "ClaimPaymentDetails_matterId_method_idx" ON "ClaimPaymentDetails"("matterId", "method");

-- AddForeignKey
ALTER TABLE "ClaimPaymentDetails" ADD CONSTRAINT "ClaimPaymentDetails_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPaymentDetails" ADD CONSTRAINT "ClaimPaymentDetails_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Each method carries what paying by it needs, whatever code path writes the row.
ALTER TABLE "ClaimPaymentDetails" ADD CONSTRAINT "ClaimPaymentDetails_method_fields" CHECK (
  CASE "method"
    WHEN 'ACH' THEN "achRoutingNumber" ~ '^[0-9]{9}$' AND "achAccountType" IS NOT NULL AND "achAccountLast4" ~ '^[0-9]{1,4}$' AND "achAccountCipher" IS NOT NULL
    WHEN 'CHECK' THEN "payeeName" IS NOT NULL AND "addressLine1" IS NOT NULL AND "city" IS NOT NULL AND "state" IS NOT NULL AND "zip" IS NOT NULL
    ELSE "recipient" IS NOT NULL
  END
);
