import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// A unique index refused the write (a concurrent duplicate slipped past the friendly pre-check).
// Through the query builder that is P2002; a raw statement's failure is P2010 carrying the
// database's code (23505), which the driver adapter reports as its cause.
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  if (error.code !== "P2010") return false;
  const meta = error.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  return meta?.code === "23505" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}
