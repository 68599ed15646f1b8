-- A claim whose deficiency notice the member answered waits for a reviewer in its own state,
-- instead of returning to "Email verified" where nothing tells it apart.
ALTER TYPE "ClaimStatus" ADD VALUE 'DEFICIENCY_ANSWERED' AFTER 'DEFICIENT';
