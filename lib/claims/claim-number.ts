// Claim numbers people read over the phone and type from a letter: no 0/O or 1/I, grouped in
// fours, with a Luhn mod-32 check character that catches every single-character typo and
// every swap of two adjacent characters except "2Z" ↔ "Z2".
export const CLAIM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const N = CLAIM_ALPHABET.length;
const BODY_LENGTH = 11;

function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * CLAIM_ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CLAIM_ALPHABET[(N - (sum % N)) % N]!;
}

function group(compact: string): string {
  return compact.match(/.{1,4}/g)!.join("-");
}

// `random` yields uniform bytes; injected so tests can be deterministic.
export function generateClaimNumber(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(BODY_LENGTH);
  let body = "";
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  for (const b of bytes) body += CLAIM_ALPHABET[b % N];
  return group(body + checkCharacter(body));
}

// Accepts what people type (lower case, spaces, missing hyphens); refuses characters outside
// the alphabet and a wrong check character. Returns the canonical grouped form.
export function normalizeClaimNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== BODY_LENGTH + 1) return null;
  for (const c of compact) if (!CLAIM_ALPHABET.includes(c)) return null;
  if (checkCharacter(compact.slice(0, BODY_LENGTH)) !== compact[BODY_LENGTH]) return null;
  return group(compact);
}

export function isValidClaimNumber(input: string): boolean {
  return normalizeClaimNumber(input) !== null;
}
