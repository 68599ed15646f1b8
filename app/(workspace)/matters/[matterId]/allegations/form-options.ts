import "server-only";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import type { ElementChoice } from "@/components/allegations/allegation-form";
import { COUNTRY_CODES, countryName } from "@/lib/schemas/allegation";
import type { Actor } from "@/lib/server/auth/actor";
import { listCounts } from "@/lib/server/counts/list-counts";

export async function allegationFormOptions(actor: Actor, matterId: string) {
  const counts = await listCounts(actor, matterId);
  const choices: ElementChoice[] = counts.map((c) => ({
    countLabel: `${countLabel(c.number)} — ${c.title}${c.statute ? ` (${c.statute})` : ""}`,
    elements: c.elements.map((e) => ({ id: e.id, label: elementLabel(`${c.number}.${e.position}`), text: e.text })),
  }));
  const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  return { choices, countries };
}
