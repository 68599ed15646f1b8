import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateComplaint } from "@/lib/complaint/testing/complaint-model";
import { writeComplaintDocx, writeComplaintWithPdfLib, writeImageOnlyPdf } from "@/lib/complaint/testing/pleading-writers";
import { bin, ROOT } from "./lib/postgres";

function importComplaint(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["--conditions=react-server", path.join(ROOT, "scripts", "import-complaint.ts"), file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run import-complaint", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "complaint-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints { pages, paragraphs: [{ number, page, line, heading, kind, text }] } for a PDF and a DOCX", async () => {
    const model = generateComplaint({ paragraphs: 12, footnoteEvery: 5 });
    const pdf = await writeComplaintWithPdfLib(model);
    fs.writeFileSync(path.join(dir, "complaint.pdf"), pdf.bytes);
    const fromPdf = await importComplaint(path.join(dir, "complaint.pdf"));
    expect(fromPdf.code).toBe(0);
    const parsed = JSON.parse(fromPdf.stdout) as { pages: number; paragraphs: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["pages", "paragraphs"]);
    expect(parsed.pages).toBe(pdf.pages);
    expect(parsed.paragraphs.map((p) => Object.keys(p))).toEqual(pdf.expected.map(() => ["number", "page", "line", "heading", "kind", "text"]));
    expect(parsed.paragraphs.map((p) => [p.number, p.page, p.line, p.heading, p.kind, p.text])).toEqual(
      pdf.expected.map((e) => [e.label, e.page, e.line, e.heading, e.kind, e.text]),
    );

    const docx = await writeComplaintDocx(model);
    fs.writeFileSync(path.join(dir, "complaint.docx"), docx.bytes);
    const fromDocx = await importComplaint(path.join(dir, "complaint.docx"));
    expect(fromDocx.code).toBe(0);
    const paragraphs = (JSON.parse(fromDocx.stdout) as { paragraphs: { number: string; page: null; line: null }[] }).paragraphs;
    expect(paragraphs.map((p) => [p.number, p.page, p.line])).toEqual(docx.expected.map((e) => [e.label, null, null]));
  });

  it("answers bad input with one line on stderr and exit 1", async () => {
    fs.writeFileSync(path.join(dir, "scan.pdf"), await writeImageOnlyPdf());
    fs.writeFileSync(path.join(dir, "notes.txt"), "1. Not a complaint file.");
    for (const [file, reason] of [
      ["scan.pdf", /no text layer.*run OCR first/],
      ["notes.txt", /neither a PDF nor a DOCX/],
      ["missing.pdf", /cannot read/],
    ] as const) {
      const { code, stdout, stderr } = await importComplaint(path.join(dir, file));
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(reason)]);
    }
  });
});
