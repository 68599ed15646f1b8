-- Chronology: the matter's claims-administration milestones (settlement dates, claims filed per day)
-- as a source kind. `milestone` names which one ("claim-deadline", "claims-filed"…); `claimCount`
-- is an aggregate (claims filed that day), never a claim or a claimant.
ALTER TYPE "ChronologySourceKind" ADD VALUE 'CLAIMS';

ALTER TABLE "ChronologySource" ADD COLUMN "milestone" TEXT,
ADD COLUMN "claimCount" INTEGER;
