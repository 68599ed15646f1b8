// Word auto-numbering, resolved as Word displays it. A paragraph's <w:numPr> names a list instance
// (numId) and a level (ilvl); numbering.xml maps the instance to an abstract definition whose levels
// give the format (decimal, lowerLetter, lowerRoman…), the start value and the text template
// ("%1.", "(%2)"). Instances of one abstract definition share counters unless the instance
// overrides a level's start; moving to a level restarts every deeper level.

export type NumberingLevel = { start: number; format: string; template: string };
export type NumberingDefinitions = {
  abstracts: Map<string, Map<number, NumberingLevel>>;
  instances: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
};

export function emptyNumbering(): NumberingDefinitions {
  return { abstracts: new Map(), instances: new Map() };
}

const ROMAN_STEPS: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, digits] of ROMAN_STEPS) while (n >= value) [out, n] = [out + digits, n - value];
  return out;
}

// a … z, aa … zz, as Word counts letters.
function letter(n: number): string {
  const index = (n - 1) % 26;
  return String.fromCharCode(97 + index).repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letter(n);
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}

export type ResolvedNumber = { text: string; level: number; format: string };

export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly overridden = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  // The label of the next paragraph in list `numId` at `level`, advancing the counters; null when
  // the instance or level is not defined (Word shows no number then either).
  next(numId: string, level: number): ResolvedNumber | null {
    const instance = this.definitions.instances.get(numId);
    if (!instance || numId === "0") return null;
    const levels = this.definitions.abstracts.get(instance.abstractId);
    const definition = levels?.get(level);
    if (!levels || !definition) return null;
    const startOf = (l: number) => instance.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
    let counts = this.counters.get(instance.abstractId);
    if (!counts || (instance.startOverrides.size > 0 && !this.overridden.has(numId))) {
      // A start override restarts the list the first time its instance is used.
      counts = Array.from({ length: 9 }, () => 0);
      this.overridden.add(numId);
      this.counters.set(instance.abstractId, counts);
    }
    counts[level] = counts[level] === 0 ? startOf(level) : counts[level]! + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) counts[deeper] = 0;
    const text = definition.template.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] === 0 ? startOf(l) : counts![l]!;
      return formatNumber(value, levels.get(l)?.format ?? "decimal");
    });
    return { text, level, format: definition.format };
  }
}
