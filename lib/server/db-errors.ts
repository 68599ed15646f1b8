import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// A unique index refused the write (a concurrent duplicate slipped past the friendly pre-check).
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
