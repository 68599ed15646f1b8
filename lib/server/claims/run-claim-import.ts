import "server-only";
import { randomFillSync } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { endSentence } from "@/lib/format";
import { parse } from "csv-parse";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { IMPORT_COLUMNS, importIdempotencyKey, importSchemaFor, validateImportRow, type ImportRowError } from "@/lib/claims/claim-import-row";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { todayIn } from "@/lib/claims/dates";
import { DISPOSABLE_EMAIL_DOMAINS } from "@/lib/claims/disposable-domains";
import { BURST, SIGNAL_WEIGHTS } from "@/lib/claims/signals";
import { ZClaimFormDefinition, type TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { questionField } from "@/lib/schemas/claim";
import { copyFrom, copyLine } from "@/lib/server/batching/copy-from";
import { appendAudit, type AuditActor } from "@/lib/server/audit/append-audit";
import { linkUrl, newSignInToken, VERIFY_LINK_TTL_MS } from "@/lib/server/auth/sign-in-tokens";
import { db, type Tx } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { outboxEntry } from "@/lib/server/mail/queue-mail";
import { confirmationCodesMatch } from "@/lib/server/claims/prefill-from-notice";
import { blobStore } from "@/lib/server/storage/active-blob-store";

const PROGRESS_EVERY_ROWS = 25_000;
const MAIL_CHUNK = 1000;

const REQUIRED_COLUMNS = ["external_id", "full_name", "date_of_birth", "email", "address1", "city", "state", "zip", "payment_preference", "attestation_name"];

// The staging columns, in COPY order.
const STAGE_COLUMNS = [
  "importId", "line", "errors", "id", "claimantId", "number", "idempotencyKey", "fullName", "nameNormalized", "dateOfBirth", "guardianName",
  "email", "emailNormalized", "phone", "phoneNormalized", "addressLine1", "addressLine2", "city", "state", "zip", "addressNormalized",
  "answers", "subclass", "paymentPreference", "noticeId", "confirmationCode", "attestationName", "postmarkedOn", "eventDetails",
] as const;
const NULLS_AFTER_ERRORS = "\t\\N".repeat(STAGE_COLUMNS.length - 3);

class ImportRefused extends Error {}

// Timings of the running import's steps, summed over its chunks, for the bench (one import per
// process at a time).
let phase: (name: string) => void = () => {};

// Rows per chunk: the transaction inserts one chunk while Node parses and stages the next.
export const IMPORT_CHUNK_ROWS = 100_000;
// The first chunk is smaller, so that the transaction starts work after ~1 s rather than waiting
// the ~5 s a full chunk takes to parse and validate.
const FIRST_CHUNK_ROWS = 20_000;
// Rows validated between two turns of the event loop (~25 ms of work).
const YIELD_EVERY_ROWS = 500;

// Chunks staged by the parser, taken by the transaction in order.
class ChunkQueue {
  private items: { from: number; to: number }[] = [];
  private waiting: (() => void) | null = null;
  private failure: unknown = null;
  ended = false;
  // Set when the transaction gave up: the parser stops at its next row.
  stop = false;
  push(item: { from: number; to: number }) {
    this.items.push(item);
    this.wake();
  }
  end() {
    this.ended = true;
    this.wake();
  }
  fail(error: unknown) {
    this.failure = error;
    this.wake();
  }
  private wake() {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      if (this.failure) throw this.failure;
      const item = this.items.shift();
      if (item) yield item;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}

export type ClaimImportTotals = { rows: number; imported: number; skipped: number; errors: number; flagged: number; optOutMatches: number; sendMail: boolean; ms: number };

// The "claims-import" job (start-claim-import.ts queued it). Two halves that run at once:
//  1. the stored CSV streams through csv-parse; each row is checked with the portal's own claim
//     schema and rules (validateImportRow) and normalised as the portal normalises, and every row
//     — valid, or its errors — is COPYed into the UNLOGGED staging table, a chunk of rows per
//     COPY on a connection of its own. Memory holds one piece of a chunk, never the file.
//  2. one transaction takes each chunk as it is staged (so PostgreSQL inserts while Node parses:
//     both cores work) and, set-based: rows whose external_id was imported before are skipped (a
//     re-import creates nothing), a repeated external_id or a notice ID / confirmation code that
//     matches no notice is refused, fraud signals are computed against the matter's claims AND the
//     earlier rows of the file (the rules of rescore-in-transaction.ts), then the claimants,
//     claims (scored), SUBMITTED events, signals, opt-out flags and the error report are inserted.
//     At the end, one audit row lists the counts. The claims appear all at once, at the commit.
// No authorisation: the job runs what an authorised user started.
export async function unsafeRunClaimImport(
  importId: string,
  options: { onPhase?: (phase: string, ms: number) => void; chunkRows?: number } = {},
): Promise<(ClaimImportTotals & { mailed: number }) | null> {
  const started = Date.now();
  let mark = started;
  const phases = new Map<string, number>();
  phase = (name: string) => {
    const now = Date.now();
    phases.set(name, (phases.get(name) ?? 0) + now - mark);
    mark = now;
  };
  const report = () => {
    for (const [name, ms] of phases) options.onPhase?.(name, ms);
  };
  const imp = await db.claimImport.findUnique({
    where: { id: importId },
    include: { matter: { select: { id: true, timeZone: true, claimForm: true, caption: true } }, createdBy: { select: { id: true } } },
  });
  if (!imp || imp.status === "DONE" || imp.status === "FAILED") return null;
  const actor: AuditActor & { userId: string } = { userId: imp.createdById };
  await db.claimImport.update({ where: { id: importId }, data: { status: "RUNNING", startedAt: new Date(), rowsRead: 0 } });
  try {
    if (!imp.matter.claimForm) throw new ImportRefused("The matter has no claim form.");
    const def = ZClaimFormDefinition.parse(imp.matter.claimForm);
    // The parser stages chunks (its own connection, committed as it goes) while the transaction
    // inserts the chunks already staged: the two cores work at once.
    const queue = new ChunkQueue();
    const producer = stageRows(importId, imp.blobSha256, def, imp.matter.timeZone, options.chunkRows ?? IMPORT_CHUNK_ROWS, queue);
    producer.then(
      () => queue.end(),
      (error: unknown) => queue.fail(error),
    );
    let totals: ClaimImportTotals;
    try {
      totals = await db.$transaction((tx) => insertStaged(tx, { importId, matterId: imp.matterId, def, rows: () => producer, queue, started, actor, sendMail: imp.sendMail }), {
        timeout: 30 * 60_000,
        maxWait: 60_000,
      });
    } finally {
      // Whatever happened, no staging write may follow the clean-up below.
      queue.stop = true;
      await producer.catch(() => undefined);
    }
    phase("commit");
    report();
    let mailed = 0;
    if (imp.sendMail && totals.imported > 0) {
      mailed = await mailClaimants(importId, imp.matter.caption).catch((err: unknown) => {
        logger.error({ err, importId }, "mailing imported claimants failed");
        return 0;
      });
    }
    return { ...totals, mailed };
  } catch (error) {
    const reason = error instanceof ImportRefused ? error.message : error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error);
    if (!(error instanceof ImportRefused)) logger.error({ err: error, importId }, "claim import failed");
    await db.$executeRaw`DELETE FROM "ClaimImportRow" WHERE "importId" = ${importId}::uuid`;
    await db.$transaction(async (tx) => {
      await tx.claimImport.update({ where: { id: importId }, data: { status: "FAILED", failure: reason, finishedAt: new Date() } });
      await appendAudit(tx, actor, { matterId: imp.matterId, action: "claim-import.fail", entityId: importId, details: { reason } });
    });
    return null;
  }
}

// Phase 1: parse, validate and COPY every row into staging. Returns the number of rows read.
async function stageRows(importId: string, sha256: string, def: TClaimFormDefinition, timeZone: string, chunkRows: number, queue: ChunkQueue): Promise<number> {
  const ctx = { def, today: todayIn(timeZone) };
  const schema = importSchemaFor(def);
  const known = new Set<string>([...Object.keys(IMPORT_COLUMNS), ...def.questions.map((q) => questionField(q.id))]);
  const canonical = new Map([...known].map((c) => [c.toLowerCase(), c]));
  const input = await (await blobStore()).openVerified(sha256);
  // Records as arrays (csv-parse builds objects several times slower), with their line numbers.
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  const checkHeader = (header: string[]) => {
    const cols = header.map((c) => canonical.get(c.trim().toLowerCase()) ?? c.trim().toLowerCase());
    const missing = REQUIRED_COLUMNS.filter((c) => !cols.includes(c));
    const unknown = cols.filter((c) => !known.has(c));
    if (missing.length) throw new ImportRefused(`The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}.`);
    if (unknown.length) throw new ImportRefused(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Columns are ${[...known].join(", ")}.`);
    return cols;
  };
  // The header is checked (and the first record read) before the COPY starts, so a refused
  // file fails here, with nothing sent.
  type Parsed = { record: string[]; info: { lines: number } };
  const records = (parser as AsyncIterable<Parsed>)[Symbol.asyncIterator]();
  const csvError = (error: unknown) => {
    if (error instanceof ImportRefused) return error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ImportRefused) return cause;
    // csv-parse's own errors (CSV_…) are the file's fault; anything else is ours.
    if (String((error as { code?: unknown }).code ?? "").startsWith("CSV_")) return new ImportRefused(`The file is not valid CSV: ${(error as Error).message}`);
    return error;
  };
  let columns: string[] = [];
  let next = await records
    .next()
    .then(async (first) => {
      columns = checkHeader(first.done ? [] : first.value.record);
      return records.next();
    })
    .catch((error: unknown) => {
      input.destroy();
      throw csvError(error);
    });

  // Claim numbers from a pool of random bytes rather than one getRandomValues call each.
  const pool = Buffer.alloc(11 * 4096);
  let poolAt = pool.length;
  const random = (n: number) => {
    if (poolAt + n > pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    const out = pool.subarray(poolAt, poolAt + n);
    poolAt += n;
    return out;
  };

  const ids = monotonicUuids();
  let rows = 0;
  const prefix = `${importId}\t`;
  let chunkFrom = 0;
  let chunkTo = 0;
  async function* lines(limit: number): AsyncGenerator<string> {
    let chunk = "";
    chunkFrom = 0;
    try {
      for (; !next.done && rows < limit; next = await records.next()) {
        if (queue.stop) throw new Error("the import stopped");
        const { record: cells, info } = next.value;
        const record: Record<string, string | undefined> = {};
        for (let c = 0; c < columns.length; c++) record[columns[c]!] = cells[c];
        rows++;
        const line = info.lines;
        if (!chunkFrom) chunkFrom = line;
        chunkTo = line;
        const result = validateImportRow(record, ctx, schema);
        if (!result.ok) {
          chunk += `${prefix}${line}\t${copyJson(result.errors)}${NULLS_AFTER_ERRORS}\n`;
        } else {
          const r = result.row;
          const d = r.data;
          chunk +=
            prefix +
            copyLine([
              line, null, ids.next(), ids.next(), generateClaimNumber(random), importIdempotencyKey(r.externalId), d.fullName, r.nameNormalized, d.dateOfBirth,
              d.guardianName ?? null, d.email, r.emailNormalized, d.phone ?? null, r.phoneNormalized, d.addressLine1, d.addressLine2 ?? null, d.city, d.state,
              d.zip, r.addressNormalized, JSON.stringify(r.answers), r.subclass, d.paymentPreference, d.noticeId ?? null, d.confirmationCode ?? null,
              d.attestationName, r.postmarkedOn, JSON.stringify({ eligibilityFailures: r.failures, filingFor: d.filingFor, externalId: r.externalId, postmarkedOn: r.postmarkedOn }),
            ]);
        }
        if (chunk.length > 256 * 1024) {
          yield chunk;
          chunk = "";
        }
        // Parsing and validating is synchronous, and csv-parse hands buffered records over as
        // microtasks: without a turn of the event loop now and then, the import's transaction
        // (same process) waited up to a second for each statement's answer to be read while a
        // chunk was being staged.
        if (rows % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
        if (rows % PROGRESS_EVERY_ROWS === 0) await db.claimImport.update({ where: { id: importId }, data: { rowsRead: rows } });
      }
    } catch (error) {
      throw csvError(error);
    }
    if (chunk) yield chunk;
  }

  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    // A retried job starts again from the first row.
    await client.query(`DELETE FROM "ClaimImportRow" WHERE "importId" = $1`, [importId]);
    const copy = `COPY "ClaimImportRow" (${STAGE_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
    while (!next.done) {
      await copyFrom(client, copy, lines(rows + (rows === 0 ? Math.min(chunkRows, FIRST_CHUNK_ROWS) : chunkRows)));
      if (chunkFrom) queue.push({ from: chunkFrom, to: chunkTo });
    }
  } finally {
    await client.end();
  }
  await db.claimImport.update({ where: { id: importId }, data: { rowsRead: rows } });
  return rows;
}

// UUIDv7s in increasing order (the claims' file order), without a random draw each: the
// import's millisecond and random bits from one uuidv7(), then a 48-bit counter started at random
// (below 2^47, so it cannot wrap) in the last group.
function monotonicUuids() {
  const first = uuidv7();
  const head = first.slice(0, 24);
  let counter = parseInt(first.slice(24, 36), 16) % 2 ** 47;
  return { next: () => head + (counter++).toString(16).padStart(12, "0") };
}

function copyJson(errors: ImportRowError[]): string {
  return JSON.stringify(errors).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

type InsertArgs = {
  sendMail: boolean;
  importId: string;
  matterId: string;
  def: TClaimFormDefinition;
  // The parser's row count, once it has read the whole file.
  rows: () => Promise<number>;
  queue: ChunkQueue;
  started: number;
  actor: AuditActor & { userId: string };
};
type Counts = { imported: number; skipped: number; flagged: number; optOutMatches: number };

// Phase 2, in the caller's transaction.
async function insertStaged(tx: Tx, a: InsertArgs): Promise<ClaimImportTotals> {
  const { importId, matterId } = a;
  // One import of a matter at a time: a second waits here, then finds the first one's rows taken.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claim-import:' || ${matterId}::text))`;
  await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
  await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
  await tx.$executeRawUnsafe(`SET LOCAL synchronous_commit = off`);
  // New names go to the trigram index's pending list and are merged in bulk, not one by one.
  await tx.$executeRawUnsafe(`SET LOCAL gin_pending_list_limit = '64MB'`);

  // Every external ID of the file so far (valid rows), with its first line: a later row with one is a repeat.
  await tx.$executeRaw`CREATE TEMP TABLE imp_keys (key text PRIMARY KEY, line int NOT NULL) ON COMMIT DROP`;
  // External IDs imported into the matter before this import, read once: joining each chunk to
  // "Claim" itself hashed every claim of the matter, the ones this import had just inserted
  // included, for every chunk (quadratic in the file). A repeat within this file is imp_keys' job.
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_existing ON COMMIT DROP AS
    SELECT "idempotencyKey" AS key FROM "Claim" WHERE "matterId" = ${matterId}::uuid AND starts_with("idempotencyKey", 'import:')`;
  await tx.$executeRaw`ANALYZE imp_existing`;
  // The claims a new claim can match: the matter's before the import (new = false), then each
  // chunk's as it is inserted (new = true). Signals are computed once, over all of it, at the end.
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_seen ON COMMIT DROP AS
    SELECT c.id, c.number, c."createdAt" AS at, p."emailNormalized" AS email, p."phoneNormalized" AS phone, p."addressNormalized" AS addr,
           p."dateOfBirth" AS dob, lower(p."fullName") AS lname, p."fullName" AS name, left(lower(p."fullName"), 2) AS first2, right(lower(p."fullName"), 3) AS last3,
           false AS new
    FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId"
    WHERE c."matterId" = ${matterId}::uuid`;
  phase("claims before the import");
  const counts: Counts = { imported: 0, skipped: 0, flagged: 0, optOutMatches: 0 };
  phase("waiting for staged rows");
  let first = true;
  for await (const chunk of a.queue) {
    phase("waiting for staged rows");
    // The staging table's statistics, once it holds rows: without them the planner reads all of
    // it for each chunk's range of lines.
    if (first) await tx.$executeRaw`ANALYZE "ClaimImportRow"`;
    first = false;
    await insertChunk(tx, a, chunk, counts);
    phase("opt-outs");
  }
  phase("waiting for staged rows");
  counts.flagged = await scoreNewClaims(tx);
  phase("signals");
  const rows = await a.rows();
  const [errorRow] = await tx.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT line)::int AS n FROM "ClaimImportError" WHERE "importId" = ${importId}::uuid`;
  await tx.$executeRaw`DELETE FROM "ClaimImportRow" WHERE "importId" = ${importId}::uuid`;
  phase("staging cleared");

  const totals: ClaimImportTotals = { rows, ...counts, errors: errorRow!.n, sendMail: a.sendMail, ms: Date.now() - a.started };
  await tx.claimImport.update({
    where: { id: importId },
    data: { status: "DONE", rowsRead: rows, imported: counts.imported, skipped: counts.skipped, errorCount: totals.errors, finishedAt: new Date() },
  });
  await appendAudit(tx, a.actor, { matterId, action: "claim-import.finish", entityId: importId, details: totals });
  return totals;
}


// The import's fraud signals, once, after the last chunk, as batch re-scoring computes them
// (rescore-in-transaction.ts): over the import's new claims and the matter's claims from before it
// that share an e-mail, phone, address or birth date with one of them. Only the new claims
// receive signals (each is later than everything it can match). Their time is now() as
// "createdAt" stores it (to the millisecond), and their UUIDv7 ids follow the file, so they order
// as they do in the table. Done per chunk, each chunk re-read every claim seen before it (a
// quadratic scan of the import); once, it is one pass. The chunks inserted their claims with score
// 0; the few that match something get their score and their SUBMITTED event's score here.
// Returns how many new claims have a signal.
async function scoreNewClaims(tx: Tx): Promise<number> {
  const weights = JSON.stringify(SIGNAL_WEIGHTS);
  const domains = [...DISPOSABLE_EMAIL_DOMAINS];
  await tx.$executeRaw`ANALYZE imp_seen`;
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_base ON COMMIT DROP AS
    SELECT id, number, at, email, phone, addr, dob, lname, name, first2, last3, new FROM imp_seen
    WHERE new
       OR email IN (SELECT email FROM imp_seen WHERE new) OR phone IN (SELECT phone FROM imp_seen WHERE new)
       OR addr IN (SELECT addr FROM imp_seen WHERE new)
       -- Near-duplicate names are compared within a birth date and the same first two or last
       -- three letters only (the blocking of the rule), so only those claims are neighbours.
       OR (dob, first2) IN (SELECT dob, first2 FROM imp_seen WHERE new)
       OR (dob, last3) IN (SELECT dob, last3 FROM imp_seen WHERE new)`;
  await tx.$executeRaw`ANALYZE imp_base`;
  phase("new claims and their neighbours");
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_signal ON COMMIT DROP AS
    WITH email_w AS (
      SELECT id, new, email, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no
      FROM imp_base WHERE email IN (SELECT email FROM imp_base GROUP BY email HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY email ORDER BY at, id)
    ), phone_w AS (
      SELECT id, new, phone, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no
      FROM imp_base WHERE phone IN (SELECT phone FROM imp_base WHERE phone IS NOT NULL GROUP BY phone HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY phone ORDER BY at, id)
    ), addr_w AS (
      SELECT id, new, addr, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no, row_number() OVER k AS n
      FROM imp_base WHERE addr IN (SELECT addr FROM imp_base GROUP BY addr HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY addr ORDER BY at, id)
    ), name_pairs AS (
      SELECT a.id, b.id AS bid, b.number AS bno, a.name, b.name AS bname, a.dob, similarity(a.lname, b.lname) AS sim
      FROM imp_base a JOIN imp_base b ON b.dob = a.dob AND b.first2 = a.first2 AND (b.at, b.id) < (a.at, a.id)
      WHERE a.new
      UNION ALL
      SELECT a.id, b.id, b.number, a.name, b.name, a.dob, similarity(a.lname, b.lname)
      FROM imp_base a JOIN imp_base b ON b.dob = a.dob AND b.last3 = a.last3 AND b.first2 <> a.first2 AND (b.at, b.id) < (a.at, a.id)
      WHERE a.new
    )
    SELECT id AS claim_id, 'SAME_EMAIL' AS kind, first_id AS matched, jsonb_build_object('email', email, 'matches', jsonb_build_array(first_no)) AS detail FROM email_w WHERE new AND first_id <> id
    UNION ALL
    SELECT id, 'SAME_PHONE', first_id, jsonb_build_object('phone', phone, 'matches', jsonb_build_array(first_no)) FROM phone_w WHERE new AND first_id <> id
    UNION ALL
    SELECT id, 'SAME_ADDRESS', first_id, jsonb_build_object('address', addr, 'matches', jsonb_build_array(first_no)) FROM addr_w WHERE new AND first_id <> id
    UNION ALL
    SELECT id, 'ADDRESS_BURST', NULL, jsonb_build_object('address', addr, 'claims', n) FROM addr_w WHERE new AND n >= ${BURST.perAddress}
    UNION ALL
    SELECT id, 'DISPOSABLE_EMAIL', NULL, jsonb_build_object('domain', split_part(email, '@', 2)) FROM imp_base
    WHERE new AND (split_part(email, '@', 2) = ANY(${domains}::text[])
       OR substring(split_part(email, '@', 2) FROM '[^.]+\\.[^.]+$') = ANY(${domains}::text[]))
    UNION ALL
    (SELECT DISTINCT ON (id) id, 'NAME_DOB_NEAR_DUPLICATE', bid,
      jsonb_build_object('name', name, 'matchedName', bname, 'similarity', round(sim::numeric, 2), 'dateOfBirth', dob, 'matches', jsonb_build_array(bno))
    FROM name_pairs WHERE sim >= ${BURST.nameSimilarity} ORDER BY id, sim DESC)`;

  phase("signals");
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_score ON COMMIT DROP AS
    SELECT claim_id AS id, least(100, sum((${weights}::jsonb ->> kind)::int))::int AS score FROM imp_signal GROUP BY claim_id`;
  await tx.$executeRaw`
    INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
    SELECT gen_random_uuid(), s.claim_id, s.kind::"SignalKind", (${weights}::jsonb ->> s.kind)::int, s.matched, s.detail FROM imp_signal s`;
  const flagged = await tx.$executeRaw`UPDATE "Claim" c SET "fraudScore" = s.score FROM imp_score s WHERE c.id = s.id`;
  // The SUBMITTED event's id is its claim's.
  await tx.$executeRaw`UPDATE "ClaimEvent" e SET details = jsonb_set(e.details, '{fraudScore}', to_jsonb(s.score)) FROM imp_score s WHERE e.id = s.id`;
  phase("signal rows");
  return flagged;
}

// One staged chunk (lines from…to), in the import's transaction.
async function insertChunk(tx: Tx, a: InsertArgs, chunk: { from: number; to: number }, counts: Counts): Promise<void> {
  const { importId, matterId } = a;
  // Rows to refuse in SQL: an external ID repeated in the file (the first row wins), or a notice
  // ID with no notice / a confirmation code that does not match it (as submit-claim.ts checks,
  // codes compared case-insensitively). Then the rows imported before, skipped silently.
  // PostgreSQL's upper() and JavaScript's toUpperCase() agree on ASCII but not on every letter
  // ("ß" becomes "SS" only in JavaScript), so a pair of codes with anything else is compared here
  // in Node with the portal's own confirmationCodesMatch.
  // The checks read only the chunk's keys, copied out first and analysed: the staging table's
  // statistics are of its first chunk, so joined directly a later chunk looked like one row to the
  // planner, which chose nested loops (one scan of the matter's earlier imports per row). The
  // claim's own columns stay in staging until imp_new (sorting whole rows for the window
  // functions cost more than the checks).
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_chunk ON COMMIT DROP AS
    SELECT line, "idempotencyKey", "confirmationCode", "noticeId" FROM "ClaimImportRow"
    WHERE "importId" = ${importId}::uuid AND line BETWEEN ${chunk.from} AND ${chunk.to} AND errors IS NULL`;
  await tx.$executeRaw`ANALYZE imp_chunk`;
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_row ON COMMIT DROP AS
    SELECT r.line, r."idempotencyKey", r."confirmationCode", k.line AS earlier_line,
      CASE
        WHEN r."noticeId" IS NOT NULL AND n.id IS NULL THEN 'notice'
        WHEN r."noticeId" IS NOT NULL AND (n."confirmationCode" || r."confirmationCode") !~ '^[ -~]*$' THEN 'notice-check'
        WHEN r."noticeId" IS NOT NULL AND upper(n."confirmationCode") <> upper(r."confirmationCode") THEN 'notice'
        WHEN c.key IS NOT NULL THEN 'existing'
      END AS verdict,
      n."confirmationCode" AS notice_code, c.key IS NOT NULL AS existing,
      row_number() OVER (PARTITION BY r."idempotencyKey" ORDER BY r.line) AS nth,
      first_value(r.line) OVER (PARTITION BY r."idempotencyKey" ORDER BY r.line) AS first_line
    FROM imp_chunk r
      LEFT JOIN imp_keys k ON k.key = r."idempotencyKey"
      LEFT JOIN "NoticeRecipient" n ON r."noticeId" IS NOT NULL AND n."matterId" = ${matterId}::uuid AND n."noticeId" = r."noticeId"
      LEFT JOIN imp_existing c ON c.key = r."idempotencyKey"`;
  // A repeat is a second row of an external ID, in this chunk or an earlier one.
  await tx.$executeRaw`UPDATE imp_row SET nth = 2, first_line = earlier_line WHERE earlier_line IS NOT NULL`;
  await tx.$executeRaw`INSERT INTO imp_keys SELECT "idempotencyKey", line FROM imp_row WHERE nth = 1`;

  const unusual = await tx.$queryRaw<{ line: number; notice_code: string; given: string; existing: boolean }[]>`
    SELECT line, notice_code, "confirmationCode" AS given, existing FROM imp_row WHERE verdict = 'notice-check' AND nth = 1`;
  for (const u of unusual) {
    const verdict = !confirmationCodesMatch(u.notice_code, u.given) ? "notice" : u.existing ? "existing" : null;
    await tx.$executeRaw`UPDATE imp_row SET verdict = ${verdict} WHERE line = ${u.line}`;
  }
  phase("classify staged rows");
  const errorsFromNode = await tx.$executeRaw`
    INSERT INTO "ClaimImportError" ("importId", line, field, message)
    SELECT r."importId", r.line, e->>'field', e->>'message'
    FROM "ClaimImportRow" r, jsonb_array_elements(r.errors) e
    WHERE r."importId" = ${importId}::uuid AND r.line BETWEEN ${chunk.from} AND ${chunk.to} AND r.errors IS NOT NULL
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO "ClaimImportError" ("importId", line, field, message)
    SELECT ${importId}::uuid, line, 'external_id', format('external_id %s repeats line %s', substr("idempotencyKey", 8), first_line) FROM imp_row WHERE nth > 1
    UNION ALL
    SELECT ${importId}::uuid, line, 'confirmation_code', 'This notice ID and confirmation code do not match a notice we sent'
    FROM imp_row WHERE nth = 1 AND verdict = 'notice'`;
  const [skipped] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM imp_row WHERE nth = 1 AND verdict = 'existing'`;
  counts.skipped += skipped!.n;
  void errorsFromNode;

  phase("error report");
  // The new claims, in file order (their UUIDv7 ids were made in that order), later than every
  // claim already in the matter.
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_new ON COMMIT DROP AS
    SELECT r.* FROM imp_row i
      -- One primary-key probe per row, whatever the estimates: OFFSET 0 keeps the planner from
      -- flattening this into a join it would plan from the staging table's statistics, which
      -- are of the first chunk only (a later chunk's lines look like one row to it).
      CROSS JOIN LATERAL (SELECT * FROM "ClaimImportRow" s WHERE s."importId" = ${importId}::uuid AND s.line = i.line OFFSET 0) r
    WHERE i.nth = 1 AND i.verdict IS NULL
    ORDER BY r.line`;

  // The chunk's claims go in unscored; scoreNewClaims scores the whole import once, at the end.
  await tx.$executeRaw`
    INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", "guardianName", email, "emailNormalized", phone,
      "phoneNormalized", "addressLine1", "addressLine2", city, state, zip, "addressNormalized")
    SELECT "claimantId", ${matterId}::uuid, "fullName", "dateOfBirth", "guardianName", email, "emailNormalized", phone,
      "phoneNormalized", "addressLine1", "addressLine2", city, state, zip, "addressNormalized"
    FROM imp_new`;
  phase("claimants");
  const attestation = a.def.attestation;
  counts.imported += await tx.$executeRaw`
    INSERT INTO "Claim" (id, "matterId", number, "claimantId", status, answers, subclass, "paymentPreference", "noticeId",
      "attestationText", "attestationName", "attestedAt", "idempotencyKey", "fraudScore", "postmarkedOn", "importId", "updatedAt")
    SELECT n.id, ${matterId}::uuid, n.number, n."claimantId", 'SUBMITTED', n.answers, n.subclass, n."paymentPreference", n."noticeId",
      ${attestation}, n."attestationName", now(), n."idempotencyKey", 0, n."postmarkedOn", ${importId}::uuid, now()
    FROM imp_new n`;
  phase("claims");
  // The event's id is its claim's (one SUBMITTED event each): ordered, so the index grows at its end.
  await tx.$executeRaw`
    INSERT INTO "ClaimEvent" (id, "claimId", type, "toStatus", "actorId", details)
    SELECT n.id, n.id, 'SUBMITTED', 'SUBMITTED', ${a.actor.userId}::uuid,
      n."eventDetails" || jsonb_build_object('fraudScore', 0, 'importId', ${importId}::text, 'line', n.line)
    FROM imp_new n`;
  phase("events");
  // A claim by someone who opted out is flagged for review, as at submission (match-opt-outs.ts).
  counts.optOutMatches += await tx.$executeRaw`
    INSERT INTO "OptOutClaimMatch" ("optOutId", "claimId", basis)
    SELECT o.id, n.id, array_remove(ARRAY[
        CASE WHEN o."emailNormalized" = n."emailNormalized" THEN 'email' END,
        CASE WHEN o."addressNormalized" = n."addressNormalized" THEN 'address' END,
        CASE WHEN o."dateOfBirth" = n."dateOfBirth" THEN 'dateOfBirth' END], NULL)
    FROM imp_new n JOIN "OptOut" o ON o."matterId" = ${matterId}::uuid AND o."nameNormalized" = n."nameNormalized" AND o.status = 'ACTIVE'
    WHERE o."emailNormalized" = n."emailNormalized" OR o."addressNormalized" = n."addressNormalized" OR o."dateOfBirth" = n."dateOfBirth"
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO imp_seen
    SELECT id, number, now()::timestamptz(3), "emailNormalized", "phoneNormalized", "addressNormalized", "dateOfBirth", lower("fullName"), "fullName",
           left(lower("fullName"), 2), right(lower("fullName"), 3), true
    FROM imp_new`;
  await tx.$executeRawUnsafe(`DROP TABLE imp_chunk, imp_row, imp_new`);
}

// Only when the import asked for it: each new claimant gets the portal's confirmation mail
// (a sign-in link to confirm the e-mail and follow the claim), in chunks after the commit.
async function mailClaimants(importId: string, caption: string): Promise<number> {
  let mailed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  const expiresAt = new Date(Date.now() + VERIFY_LINK_TTL_MS);
  for (;;) {
    const claims = await db.$queryRaw<{ id: string; number: string; email: string }[]>`
      SELECT c.id, c.number, p.email FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId"
      WHERE c."importId" = ${importId}::uuid AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${MAIL_CHUNK}`;
    if (claims.length === 0) return mailed;
    after = claims.at(-1)!.id;
    const mails = claims.map((c) => {
      const { token, hash } = newSignInToken();
      const mail = outboxEntry({
        to: c.email,
        subject: `Confirm your email for claim ${c.number}`,
        text:
          `Your claim ${c.number} in ${endSentence(caption)} has been received.\n\n` +
          `Confirm your email address and follow your claim's status here:\n${linkUrl(token)}\n\n` +
          `The link works once and expires in 72 hours. If you did not file this claim, ignore this message.\n`,
        secrets: [token],
        ref: `Claim:${c.id}`,
      });
      return { claim: c, hash, mail };
    });
    await db.$transaction(async (tx) => {
      await tx.signInToken.createMany({ data: mails.map((m) => ({ tokenHash: m.hash, email: m.claim.email, claimId: m.claim.id, expiresAt })) });
      await tx.outboxMessage.createMany({ data: mails.map((m) => m.mail.row) });
    });
    deliverOutboxSoon(mails.map((m) => m.mail.queued));
    mailed += mails.length;
  }
}

// QUEUED imports whose job was lost between the commit and the send.
export async function unsafeFindQueuedClaimImports(): Promise<{ data: { importId: string }; singletonKey: string }[]> {
  const stale = await db.claimImport.findMany({ where: { status: "QUEUED", createdAt: { lt: new Date(Date.now() - 60_000) } }, select: { id: true }, take: 100 });
  return stale.map((i) => ({ data: { importId: i.id }, singletonKey: i.id }));
}
