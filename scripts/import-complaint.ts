// `npm run -s import-complaint -- FILE`: splits a complaint (PDF with a text layer, or DOCX) into
// its numbered ¶s without a database and prints one JSON document:
// { pages, paragraphs: [{ number, page, line, heading, kind, text }] }. Bad input: one line on
// stderr, exit 1.
import fs from "node:fs";
import { ComplaintFileError } from "../lib/complaint/read-pdf";
import { complaintMediaType, splitComplaintFile } from "../lib/server/complaints/split-complaint-file";

// stdout carries the JSON document alone and stderr one line on failure; pdf.js prints its
// warnings ("Please use the legacy build") with console.log, so they are dropped.
console.log = () => {};

const MAX_BYTES = 200 * 1024 * 1024;

function fail(message: string): never {
  process.stderr.write(`import-complaint: ${message.replace(/\s+/g, " ")}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail("usage: npm run -s import-complaint -- FILE (a .pdf or .docx)");
let bytes: Buffer;
try {
  const size = fs.statSync(file).size;
  if (size > MAX_BYTES) fail(`${file} is larger than ${MAX_BYTES / (1 << 20)} MiB`);
  bytes = fs.readFileSync(file);
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
const mediaType = complaintMediaType(bytes);
if (!mediaType) fail(`${file} is neither a PDF nor a DOCX`);
try {
  const result = await splitComplaintFile(mediaType, bytes);
  const out = {
    pages: result.pages,
    paragraphs: result.paragraphs.map((p) => ({ number: p.label, page: p.page, line: p.line, heading: p.heading, kind: p.proposal.kind, text: p.text })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (error) {
  fail(error instanceof ComplaintFileError ? error.message : `${file} could not be read (${(error as Error).message})`);
}
