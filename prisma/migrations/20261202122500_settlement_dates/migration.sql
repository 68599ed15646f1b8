-- Settlement dates the public site and the opt-out/objection forms close on.
ALTER TABLE "Matter" ADD COLUMN "optOutDeadline" DATE,
ADD COLUMN "objectionDeadline" DATE,
ADD COLUMN "finalApprovalHearingAt" TIMESTAMPTZ(3);
