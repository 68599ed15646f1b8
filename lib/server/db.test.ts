import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, preparedRows, preparedSqlRows } from "@/lib/server/db";

const NOW: { name: string; text: string } = { name: "test_db_now", text: "SELECT $1::int + 1 AS n" };

describe("the database pool", () => {
  it("survives the server ending its idle connections, and prepared reads work on the next ones", async () => {
    expect(await preparedRows<{ n: number }>(NOW, [1])).toEqual([{ n: 2 }]);
    // Prisma, disconnected, no longer listens on the pool (scripts and tests end that way).
    await db.$queryRaw`SELECT 1`;
    await db.$disconnect();
    // As a restart, a failover or a dropped test database would: every other connection to
    // this database is ended by the server while idle in the pool.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await preparedRows<{ n: number }>(NOW, [41])).toEqual([{ n: 42 }]);
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
  });

  it("runs a statement built from parts with its values as bind parameters: one shape answers for other values, a hostile value stays a value", async () => {
    const words = (list: string[], longerThan?: number) =>
      Prisma.sql`SELECT w FROM unnest(${list}::text[]) WITH ORDINALITY AS t(w, i) WHERE ${longerThan === undefined ? Prisma.sql`true` : Prisma.sql`length(w) > ${longerThan}::int`} ORDER BY i`;
    const hostile = "x'); DROP TABLE \"User\"; --";
    expect(await preparedSqlRows<{ w: string }>(words(["a", hostile]))).toEqual([{ w: "a" }, { w: hostile }]);
    // The same shape with other values, and another shape: each answers for its own values.
    expect(await preparedSqlRows<{ w: string }>(words(["bb", "c", "ddd"]))).toEqual([{ w: "bb" }, { w: "c" }, { w: "ddd" }]);
    expect(await preparedSqlRows<{ w: string }>(words(["bb", "c", "ddd"], 1))).toEqual([{ w: "bb" }, { w: "ddd" }]);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
