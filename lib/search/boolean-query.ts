// The exhibit search syntax: words (implicitly ANDed), AND, OR, NOT or a leading "-", "quoted
// phrases", prefix* and (parentheses). Parsed here without I/O into a tree, then compiled to the
// text of a PostgreSQL tsquery for to_tsquery(). The compiled text travels as a bind parameter;
// each word is a quoted tsquery operand, so nothing the user types can become an operator of its own.
// Bounded: the input length, the number of words and the nesting depth are capped, the tokenizer
// reads each character once and the parser is recursive descent over the tokens (linear).

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_TERMS = 32;
export const MAX_QUERY_DEPTH = 8;
export const MIN_PREFIX_LENGTH = 2;

export type QueryNode =
  | { type: "term"; word: string; prefix: boolean }
  | { type: "phrase"; words: string[] }
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode };

export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuerySyntaxError";
  }
}

type Token = { kind: "word"; text: string; negated: boolean } | { kind: "phrase"; words: string[]; negated: boolean } | { kind: "open"; negated: boolean } | { kind: "close" } | { kind: "and" } | { kind: "or" } | { kind: "not" };

const SPACE = /\s/u;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    // A minus directly before a word, a phrase or a parenthesis excludes it.
    let negated = false;
    if (c === "-" && i + 1 < input.length && !SPACE.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    const d = input[i]!;
    if (d === "(") {
      tokens.push({ kind: "open", negated });
      i++;
    } else if (d === ")") {
      if (negated) throw new QuerySyntaxError("A minus must come before a word, a phrase or a parenthesis");
      tokens.push({ kind: "close" });
      i++;
    } else if (d === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError("Unbalanced quote in search: close the phrase with a second \"");
      const words = input.slice(i + 1, end).split(/\s+/u).filter(Boolean);
      if (words.length === 0) throw new QuerySyntaxError("Empty quotes in search: put the phrase between them");
      tokens.push({ kind: "phrase", words, negated });
      i = end + 1;
    } else {
      let j = i;
      while (j < input.length && !SPACE.test(input[j]!) && input[j] !== "(" && input[j] !== ")" && input[j] !== '"') j++;
      const text = input.slice(i, j);
      i = j;
      if (!negated && /^(?:AND|&&?)$/i.test(text)) tokens.push({ kind: "and" });
      else if (!negated && /^(?:OR|\|\|?)$/i.test(text)) tokens.push({ kind: "or" });
      else if (!negated && /^(?:NOT|!)$/i.test(text)) tokens.push({ kind: "not" });
      else tokens.push({ kind: "word", text, negated });
    }
  }
  return tokens;
}

// Letters and digits of a word, with the characters PostgreSQL's parser reads inside hosts, e-mail
// addresses and numbers (umeng.com, lab@example.org, 867-530) kept; a trailing * marks a prefix.
function readWord(text: string): QueryNode | null {
  const prefix = text.endsWith("*");
  const word = text.replace(/\*+$/u, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (!word) {
    if (prefix) throw new QuerySyntaxError(`A prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *`);
    return null;
  }
  if (prefix && [...word].length < MIN_PREFIX_LENGTH) throw new QuerySyntaxError(`A prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *`);
  return { type: "term", word, prefix };
}

class Parser {
  private pos = 0;
  private terms = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode | null {
    const node = this.parseOr(0);
    const next = this.tokens[this.pos];
    if (next) throw new QuerySyntaxError(next.kind === "close" ? "Unbalanced parenthesis in search: a ) has no (" : "Search could not be read here");
    return node;
  }

  private count(n: number) {
    this.terms += n;
    if (this.terms > MAX_QUERY_TERMS) throw new QuerySyntaxError(`Search can have at most ${MAX_QUERY_TERMS} words`);
  }

  private parseOr(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    let sawOr = false;
    for (;;) {
      const left = this.parseAnd(depth);
      if (left) children.push(left);
      else if (sawOr || this.tokens[this.pos]?.kind === "or") throw new QuerySyntaxError("OR needs a word on each side");
      if (this.tokens[this.pos]?.kind !== "or") break;
      this.pos++;
      sawOr = true;
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { type: "or", children };
  }

  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || t.kind === "or" || t.kind === "close") break;
      if (t.kind === "and") {
        if (children.length === 0) throw new QuerySyntaxError("AND needs a word on each side");
        this.pos++;
        const right = this.parseUnary(depth);
        if (!right) throw new QuerySyntaxError("AND needs a word on each side");
        children.push(right);
        continue;
      }
      const node = this.parseUnary(depth);
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { type: "and", children };
  }

  // Null for a word with nothing searchable in it (a lone "&" or "…").
  private parseUnary(depth: number): QueryNode | null {
    const t = this.tokens[this.pos];
    if (!t || t.kind === "or" || t.kind === "close" || t.kind === "and") return null;
    if (t.kind === "not") {
      this.pos++;
      const child = this.parseUnary(depth + 1);
      if (!child) throw new QuerySyntaxError("NOT needs a word, a phrase or a parenthesis after it");
      return { type: "not", child };
    }
    this.pos++;
    let node: QueryNode | null;
    if (t.kind === "open") {
      if (depth + 1 > MAX_QUERY_DEPTH) throw new QuerySyntaxError(`Search can nest parentheses at most ${MAX_QUERY_DEPTH} deep`);
      node = this.parseOr(depth + 1);
      if (this.tokens[this.pos]?.kind !== "close") throw new QuerySyntaxError("Unbalanced parenthesis in search: a ( is never closed");
      this.pos++;
      if (!node) throw new QuerySyntaxError("Empty parentheses in search");
    } else if (t.kind === "phrase") {
      const words = t.words.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean);
      if (words.length === 0) return null;
      this.count(words.length);
      node = words.length === 1 ? { type: "term", word: words[0]!, prefix: false } : { type: "phrase", words };
    } else {
      node = readWord(t.text);
      if (node) this.count(1);
    }
    if (!node) return null;
    return t.negated ? { type: "not", child: node } : node;
  }
}

// A query must name something to find: a search only for what is absent would read every page.
function findsSomething(node: QueryNode): boolean {
  switch (node.type) {
    case "term":
    case "phrase":
      return true;
    case "not":
      return false;
    case "and":
      return node.children.some(findsSomething);
    case "or":
      return node.children.every(findsSomething);
  }
}

// The tree of a query, or null for one with no words at all. Throws QuerySyntaxError with a
// message for the person who typed it.
export function parseSearchQuery(input: string): QueryNode | null {
  if (input.length > MAX_QUERY_LENGTH) throw new QuerySyntaxError(`Search must be at most ${MAX_QUERY_LENGTH} characters`);
  const node = new Parser(tokenize(input)).parse();
  if (node && !findsSomething(node)) throw new QuerySyntaxError("Search needs at least one word to find, not only words to leave out (NOT or -)");
  return node;
}

// One operand of to_tsquery's syntax: quoted, with its quote and backslash escaped, so the
// database reads it as a word (its text search parser then splits and stems it).
function operand(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

// to_tsquery text: & | ! with <-> between the words of a phrase and :* after a prefix.
// `mapWord` rewrites each word first (the snippet's query splits hosts: search-exhibits.ts).
export function toTsQuery(node: QueryNode, mapWord: (word: string) => string = (w) => w): string {
  switch (node.type) {
    case "term":
      return operand(mapWord(node.word)) + (node.prefix ? ":*" : "");
    case "phrase":
      return `(${node.words.map((w) => operand(mapWord(w))).join(" <-> ")})`;
    case "not":
      return `!${toTsQuery(node.child, mapWord)}`;
    case "and":
      return `(${node.children.map((c) => toTsQuery(c, mapWord)).join(" & ")})`;
    case "or":
      return `(${node.children.map((c) => toTsQuery(c, mapWord)).join(" | ")})`;
  }
}

export type PositiveTerm = { kind: "word"; text: string } | { kind: "prefix"; text: string } | { kind: "phrase"; words: string[] };

// The words, prefixes and phrases a match contains: everything outside a NOT.
export function positiveTerms(node: QueryNode | null): PositiveTerm[] {
  if (!node) return [];
  switch (node.type) {
    case "term":
      return [node.prefix ? { kind: "prefix", text: node.word } : { kind: "word", text: node.word }];
    case "phrase":
      return [{ kind: "phrase", words: node.words }];
    case "not":
      return [];
    case "and":
    case "or":
      return node.children.flatMap(positiveTerms);
  }
}
