import type { Metadata } from "next";
import Link from "next/link";
import { DeleteFactForm } from "@/components/chronology/delete-fact-form";
import { FactForm } from "@/components/chronology/fact-form";
import { PageHeader } from "@/components/ui/page-header";
import { factDateInput, formatFactPeriod } from "@/lib/chronology/dates";
import { factFormOptions } from "@/lib/server/chronology/fact-form-options";
import { loadFactFor } from "@/lib/server/chronology/load-fact";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { deleteFactAction, updateFactAction } from "../../actions";

export const metadata: Metadata = { title: "Edit fact" };

export default async function EditFactPage({ params }: { params: Promise<{ matterId: string; factId: string }> }) {
  const { matterId, factId } = await params;
  const actor = await pageActor();
  const fact = await loadOr404(() => loadFactFor(actor, matterId, factId, "chronology.write"));
  const options = await factFormOptions(actor, matterId);
  const exhibitSource = fact.sources.find((s) => s.kind === "EXHIBIT");
  const allegationSource = fact.sources.find((s) => s.kind === "ALLEGATION");
  const captures = fact.sources.filter((s) => s.kind === "CAPTURE").length;
  const listPath = `/matters/${matterId}/chronology`;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={`Edit fact: ${formatFactPeriod(fact.startDate, fact.endDate, fact.precision)}`}
        breadcrumb={<Link href={listPath} className="hover:underline">Chronology</Link>}
        description={captures ? "Its capture requests stay as they are; the form edits its exhibit and allegation sources." : undefined}
      />
      <FactForm
        action={updateFactAction.bind(null, matterId, factId)}
        initial={{
          precision: fact.precision,
          start: factDateInput(fact.startDate, fact.precision),
          end: fact.endDate ? factDateInput(fact.endDate, fact.precision) : undefined,
          description: fact.description,
          tags: fact.tags.join(", "),
          elementIds: fact.elements.map((e) => e.elementId),
          disputed: fact.disputed,
          disputedBy: fact.disputedBy ?? undefined,
          disputeReason: fact.disputeReason ?? undefined,
          sourceExhibitId: exhibitSource?.exhibitId ?? undefined,
          sourcePage: exhibitSource?.page ? String(exhibitSource.page) : undefined,
          sourceAllegationId: allegationSource?.allegationId ?? undefined,
        }}
        hidden={{}}
        counts={options.counts}
        exhibits={options.exhibits}
        allegations={options.allegations}
        submitLabel="Save fact"
        cancelHref={listPath}
      />
      <section className="mt-10 max-w-xl" aria-labelledby="delete-fact">
        <h2 id="delete-fact" className="mb-2 text-lg font-semibold">
          Delete this fact
        </h2>
        <DeleteFactForm action={deleteFactAction.bind(null, matterId, factId)} />
      </section>
    </div>
  );
}
