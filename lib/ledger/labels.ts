import { exhibitLabel as formatExhibitLabel } from "@/lib/bates/format";
import { romanNumeral } from "@/lib/schemas/count";

// How people cite things in the ledger: PX-0012, Count IV, element IV.2.
export function exhibitLabel(x: { prefix: string; number: number }): string {
  return formatExhibitLabel(x.prefix, x.number);
}

export function countLabel(number: number): string {
  return `Count ${romanNumeral(number)}`;
}

// "4.2" (count number . element position), as the ledger queries return it, to "IV.2".
export function elementLabel(ref: string): string {
  const [count, position] = ref.split(".");
  return `${romanNumeral(Number(count))}.${position}`;
}
