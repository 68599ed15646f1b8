import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { STATUS_META } from "@/components/ui/status-badge";
import { SUPPORT_STATUSES } from "@/lib/ledger/support-status";
import { ALLEGATION_KIND_LABELS, ALLEGATION_KINDS, countryName } from "@/lib/schemas/allegation";

export type FilterCount = { id: string; label: string; elements: { id: string; label: string }[] };
export type FilterValues = Partial<Record<"status" | "kind" | "element" | "flagged" | "request" | "country" | "q" | "withdrawn" | "sort" | "dir", string | undefined>> & { page?: undefined };

// A plain GET form: filters land in the URL, the server filters in SQL, and it works without JS.
export function LedgerFilters({ basePath, values, counts, countries }: { basePath: string; values: FilterValues; counts: FilterCount[]; countries: string[] }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter allegations" className="mb-4 flex flex-wrap items-end gap-3" data-print="hide">
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir && <input type="hidden" name="dir" value={values.dir} />}
      <Field label="Search" htmlFor="f-q" className="w-56">
        <Input id="f-q" name="q" type="search" placeholder="Text, host, org, ¶ number" defaultValue={values.q} />
      </Field>
      <Field label="Status" htmlFor="f-status">
        <Select id="f-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">Any</option>
          {SUPPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_META[s].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Kind" htmlFor="f-kind">
        <Select id="f-kind" name="kind" defaultValue={values.kind ?? ""}>
          <option value="">Any</option>
          {ALLEGATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {ALLEGATION_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Count / element" htmlFor="f-element" className="w-56">
        <Select id="f-element" name="element" defaultValue={values.element ?? ""}>
          <option value="">Any</option>
          {counts.map((c) => (
            <optgroup key={c.id} label={c.label}>
              <option value={`count:${c.id}`}>All of {c.label.split(" — ")[0]}</option>
              {c.elements.map((e) => (
                <option key={e.id} value={`element:${e.id}`}>
                  {e.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Flagged" htmlFor="f-flagged">
        <Select id="f-flagged" name="flagged" defaultValue={values.flagged ?? ""}>
          <option value="">Any</option>
          <option value="yes">Flagged</option>
          <option value="no">Not flagged</option>
        </Select>
      </Field>
      <Field label="Requests" htmlFor="f-request">
        <Select id="f-request" name="request" defaultValue={values.request ?? ""}>
          <option value="">Any</option>
          <option value="open">Has an open request</option>
          <option value="overdue">Has an overdue request</option>
          <option value="none">No open request</option>
        </Select>
      </Field>
      <Field label="Destination country" htmlFor="f-country">
        <Select id="f-country" name="country" defaultValue={values.country ?? ""}>
          <option value="">Any</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c} — {countryName(c)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Withdrawn ¶s" htmlFor="f-withdrawn">
        <Select id="f-withdrawn" name="withdrawn" defaultValue={values.withdrawn ?? ""}>
          <option value="">Hide</option>
          <option value="show">Show</option>
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <Link href={basePath}>Clear</Link>
        </Button>
      </div>
    </form>
  );
}
