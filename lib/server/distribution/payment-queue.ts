import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// Which file pays a payment of a locked run, over "Payment" aliased pay. Each payment is in
// at most one of the two at a time, so no two files pay it twice.
//
// The first file of its method: the payments fixed at the lock with the details given before it,
// not since sent to the re-issue path (a failure, a return or a re-issue). A download again gives
// the same payments, less those that moved to the re-issue path.
export const IN_FIRST_FILE = Prisma.sql`(pay.status IN ('PENDING', 'PAID') AND pay."reissuedAt" IS NULL AND pay."detailsAfterLockAt" IS NULL)`;

// The re-issue queue: payments that failed or came back, and payments whose member gave details
// only after the lock and that no file has taken yet. A re-issue file takes them (PENDING, sent).
export const IN_REISSUE_QUEUE = Prisma.sql`(pay.status IN ('FAILED', 'RETURNED') OR (pay.status = 'PENDING' AND pay."detailsAfterLockAt" IS NOT NULL AND pay."exportedAt" IS NULL))`;
