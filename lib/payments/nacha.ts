// A NACHA (ACH) file of credits: 94-character records, a file header (1), batches of a header (5),
// entry details (6) and a control (8), a file control (9), then lines of 9s to a multiple of ten
// lines (blocks). Pure, so the file can be checked record by record without a bank.

export type NachaEntry = {
  routingNumber: string; // 9 digits, ABA-checked by the caller
  accountNumber: string; // up to 17
  accountType: "CHECKING" | "SAVINGS";
  amountCents: bigint;
  id: string; // the receiver's identification number (the claim number), up to 15
  name: string; // up to 22
};

export type NachaOriginator = {
  // The originating bank (ODFI): its routing number; blank when unknown (the bank's portal fills it).
  odfiRouting: string | null;
  destinationName: string | null;
  companyId: string | null;
  companyName: string | null;
  originName: string | null;
  entryDescription: string; // 10: what the receiver's statement shows, e.g. SETTLEMENT
  referenceCode?: string | null; // 8
};

export type NachaFile = { text: string; entries: number; batches: number; totalCreditCents: bigint; entryHash: bigint; lines: number };

export const RECORD_LENGTH = 94;
export const BLOCKING_FACTOR = 10;
// Entry count per batch fits 6 digits; smaller batches keep each one a size banks accept.
const BATCH_SIZE = 10_000;
const MAX_AMOUNT = 9_999_999_999n; // 10 digits of cents

// Records are upper-case printable ASCII; anything else (accents, control characters) becomes a
// plain letter or a space so every record stays exactly 94 bytes.
function ascii(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, " ")
    .toUpperCase();
}

function alpha(s: string | null | undefined, width: number): string {
  return ascii(s).slice(0, width).padEnd(width, " ");
}

function num(n: bigint | number | string, width: number): string {
  const s = String(n);
  if (!/^\d+$/.test(s) || s.length > width) throw new Error(`NACHA: ${s} does not fit ${width} digits`);
  return s.padStart(width, "0");
}

function record(...fields: string[]): string {
  const line = fields.join("");
  if (line.length !== RECORD_LENGTH) throw new Error(`NACHA: record of ${line.length} characters, not 94: ${line}`);
  return line;
}

// A 9-digit origin (a routing number or tax id) is written with a leading space, as banks expect.
function immediateOrigin(id: string | null): string {
  return id && /^\d{9}$/.test(id) ? ` ${id}` : alpha(id, 10);
}

function yymmdd(d: Date): string {
  return d.toISOString().slice(2, 10).replaceAll("-", "");
}

export function buildNachaFile(originator: NachaOriginator, entries: readonly NachaEntry[], opts: { created: Date; effectiveDate: Date; fileIdModifier?: string }): NachaFile {
  const odfi = originator.odfiRouting && /^\d{9}$/.test(originator.odfiRouting) ? originator.odfiRouting : null;
  const odfi8 = odfi ? odfi.slice(0, 8) : "        ";
  const traceOdfi = odfi ? odfi.slice(0, 8) : "00000000";
  const created = opts.created;
  const lines: string[] = [];
  lines.push(
    record(
      "1",
      "01",
      odfi ? ` ${odfi}` : alpha("", 10),
      immediateOrigin(originator.companyId),
      yymmdd(created),
      created.toISOString().slice(11, 16).replace(":", ""),
      alpha(opts.fileIdModifier ?? "A", 1),
      "094",
      "10",
      "1",
      alpha(originator.destinationName, 23),
      alpha(originator.originName ?? originator.companyName, 23),
      alpha(originator.referenceCode, 8),
    ),
  );
  let fileHash = 0n;
  let fileCredit = 0n;
  let batches = 0;
  let sequence = 0;
  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    const batch = entries.slice(start, start + BATCH_SIZE);
    batches += 1;
    lines.push(
      record(
        "5",
        "220", // credits only
        alpha(originator.companyName, 16),
        alpha("", 20),
        alpha(originator.companyId, 10),
        "PPD",
        alpha(originator.entryDescription, 10),
        alpha("", 6),
        yymmdd(opts.effectiveDate),
        "   ", // settlement date: the ACH operator fills it
        "1",
        odfi8,
        num(batches, 7),
      ),
    );
    let hash = 0n;
    let credit = 0n;
    for (const e of batch) {
      if (!/^\d{9}$/.test(e.routingNumber)) throw new Error(`NACHA: routing number ${e.routingNumber} is not 9 digits`);
      if (!/^\d{1,17}$/.test(e.accountNumber)) throw new Error("NACHA: account number is not 1 to 17 digits");
      if (e.amountCents <= 0n || e.amountCents > MAX_AMOUNT) throw new Error(`NACHA: amount ${e.amountCents} out of range`);
      sequence += 1;
      hash += BigInt(e.routingNumber.slice(0, 8));
      credit += e.amountCents;
      lines.push(
        record(
          "6",
          e.accountType === "SAVINGS" ? "32" : "22",
          e.routingNumber.slice(0, 8),
          e.routingNumber[8]!,
          alpha(e.accountNumber, 17),
          num(e.amountCents, 10),
          alpha(e.id, 15),
          alpha(e.name, 22),
          "  ",
          "0",
          traceOdfi + num(sequence, 7),
        ),
      );
    }
    const batchHash = hash % 10_000_000_000n;
    lines.push(
      record("8", "220", num(batch.length, 6), num(batchHash, 10), num(0, 12), num(credit, 12), alpha(originator.companyId, 10), alpha("", 19), alpha("", 6), odfi8, num(batches, 7)),
    );
    fileHash += hash;
    fileCredit += credit;
  }
  const entryHash = fileHash % 10_000_000_000n;
  const withControl = lines.length + 1;
  const blocks = Math.ceil(withControl / BLOCKING_FACTOR);
  lines.push(record("9", num(batches, 6), num(blocks, 6), num(entries.length, 8), num(entryHash, 10), num(0, 12), num(fileCredit, 12), alpha("", 39)));
  while (lines.length % BLOCKING_FACTOR !== 0) lines.push("9".repeat(RECORD_LENGTH));
  return { text: `${lines.join("\r\n")}\r\n`, entries: entries.length, batches, totalCreditCents: fileCredit, entryHash, lines: lines.length };
}
