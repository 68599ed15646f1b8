import { describe, expect, it } from "vitest";
import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseSearchQuery, positiveTerms, QuerySyntaxError, toTsQuery } from "@/lib/search/boolean-query";

const compile = (q: string) => {
  const node = parseSearchQuery(q);
  return node ? toTsQuery(node) : null;
};
const refusal = (q: string) => {
  try {
    parseSearchQuery(q);
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${q}`);
};

describe("parseSearchQuery / toTsQuery", () => {
  it("reads words as AND, with AND written or implied", () => {
    expect(compile("umeng")).toBe("'umeng'");
    expect(compile("umeng bugly")).toBe("('umeng' & 'bugly')");
    expect(compile("umeng AND bugly")).toBe("('umeng' & 'bugly')");
    expect(compile("umeng and bugly")).toBe("('umeng' & 'bugly')");
  });

  it("reads OR (binding looser than AND, as in tsquery)", () => {
    expect(compile("umeng OR bugly")).toBe("('umeng' | 'bugly')");
    expect(compile("umeng or bugly igexin")).toBe("('umeng' | ('bugly' & 'igexin'))");
  });

  it("reads NOT and a leading minus on words, phrases and parentheses", () => {
    expect(compile("umeng NOT bugly")).toBe("('umeng' & !'bugly')");
    expect(compile("umeng -bugly")).toBe("('umeng' & !'bugly')");
    expect(compile('umeng -"device id"')).toBe("('umeng' & !('device' <-> 'id'))");
    expect(compile("igexin -(umeng OR bugly)")).toBe("('igexin' & !('umeng' | 'bugly'))");
    // A minus inside a word is part of it.
    expect(compile("e-mail")).toBe("'e-mail'");
  });

  it("reads quoted phrases as <-> and prefixes as :*", () => {
    expect(compile('"device identifier"')).toBe("('device' <-> 'identifier')");
    expect(compile('"sent to umeng.com daily"')).toBe("('sent' <-> 'to' <-> 'umeng.com' <-> 'daily')");
    expect(compile('"umeng"')).toBe("'umeng'");
    expect(compile("transf*")).toBe("'transf':*");
    expect(compile("bio* OR face*")).toBe("('bio':* | 'face':*)");
  });

  it("reads parentheses, nested", () => {
    expect(compile("(umeng OR bugly) AND (imei OR \"android id\")")).toBe("(('umeng' | 'bugly') & ('imei' | ('android' <-> 'id')))");
    expect(compile("((umeng))")).toBe("'umeng'");
  });

  it("quotes every word as one operand, so typed operators and quotes stay text", () => {
    expect(compile("don't")).toBe("'don''t'");
    expect(compile("a:*b")).toBe("'a:*b'");
    expect(compile("x\\'y")).toBe("'x\\\\''y'");
    expect(compile("x'; DROP TABLE y; --")).toBe("('x' & 'DROP' & 'TABLE' & 'y')");
    // Words of punctuation alone name nothing and drop out.
    expect(compile("umeng … ,")).toBe("'umeng'");
    expect(compile("   ")).toBeNull();
  });

  it("maps each word for the snippet's query", () => {
    const node = parseSearchQuery('"alog.umeng.com" -x')!;
    expect(toTsQuery(node, (w) => w.replace(/\./g, "_"))).toBe("('alog_umeng_com' & !'x')");
  });

  it("refuses malformed queries with a message that says what is wrong", () => {
    expect(refusal('"device identifier')).toMatch(/Unbalanced quote in search/);
    expect(refusal('umeng ""')).toMatch(/Empty quotes/);
    expect(refusal("(umeng OR bugly")).toMatch(/Unbalanced parenthesis.*never closed/);
    expect(refusal("umeng) bugly")).toMatch(/Unbalanced parenthesis.*has no \(/);
    expect(refusal("umeng ()")).toMatch(/Empty parentheses/);
    expect(refusal("umeng OR")).toMatch(/OR needs a word on each side/);
    expect(refusal("OR umeng")).toMatch(/OR needs a word on each side/);
    expect(refusal("umeng OR OR bugly")).toMatch(/OR needs a word/);
    expect(refusal("AND umeng")).toMatch(/AND needs a word/);
    expect(refusal("umeng AND")).toMatch(/AND needs a word/);
    expect(refusal("umeng NOT")).toMatch(/NOT needs a word/);
    expect(refusal("a*")).toMatch(/prefix needs at least 2 letters/);
    expect(refusal("umeng *")).toMatch(/prefix needs/);
  });

  it("refuses a query that only leaves things out", () => {
    expect(refusal("-umeng")).toMatch(/at least one word to find/);
    expect(refusal("NOT umeng")).toMatch(/at least one word to find/);
    expect(refusal("umeng OR -bugly")).toMatch(/at least one word to find/);
    expect(compile("umeng -bugly")).toBe("('umeng' & !'bugly')");
  });

  it("caps the length, the number of words and the nesting depth", () => {
    expect(refusal("x".repeat(MAX_QUERY_LENGTH + 1))).toMatch(/at most 500 characters/);
    const words = Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `w${i}`);
    expect(compile(words.join(" "))).toContain("'w31'");
    expect(refusal([...words, "one-more"].join(" "))).toMatch(/at most 32 words/);
    expect(refusal(`"${[...words, "x"].join(" ")}"`)).toMatch(/at most 32 words/);
    const nest = (n: number) => `${"(".repeat(n)}umeng${")".repeat(n)}`;
    expect(compile(nest(MAX_QUERY_DEPTH))).toBe("'umeng'");
    expect(refusal(nest(MAX_QUERY_DEPTH + 1))).toMatch(/at most 8 deep/);
    expect(refusal("NOT ".repeat(200) + "x")).toBeTruthy();
  });

  it("parses long adversarial input in linear time", () => {
    const input = '("'.repeat(120) + "-".repeat(200);
    const started = performance.now();
    expect(() => parseSearchQuery(input.slice(0, MAX_QUERY_LENGTH))).toThrow(QuerySyntaxError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("positiveTerms", () => {
  it("lists words, prefixes and phrases outside NOT", () => {
    expect(positiveTerms(parseSearchQuery('(umeng OR trans*) "device id" -bugly NOT (igexin baidu)'))).toEqual([
      { kind: "word", text: "umeng" },
      { kind: "prefix", text: "trans" },
      { kind: "phrase", words: ["device", "id"] },
    ]);
    expect(positiveTerms(null)).toEqual([]);
  });
});
