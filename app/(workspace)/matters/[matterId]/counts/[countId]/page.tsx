import type { Metadata } from "next";
import Link from "next/link";
import { AddElementForm, CountForm, ElementRow } from "@/components/counts/count-forms";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import { PageHeader } from "@/components/ui/page-header";
import { getCount } from "@/lib/server/counts/get-count";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { addElementAction, reorderElementsAction, updateCountAction, updateElementAction } from "../actions";

export const metadata: Metadata = { title: "Count" };

function swap(ids: string[], i: number, j: number): string[] {
  const next = [...ids];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export default async function CountPage({ params }: { params: Promise<{ matterId: string; countId: string }> }) {
  const { matterId, countId } = await params;
  const actor = await pageActor();
  const count = await loadOr404(() => getCount(actor, matterId, countId));
  const ids = count.elements.map((e) => e.id);
  const reorder = reorderElementsAction.bind(null, matterId, count.id);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={`${countLabel(count.number)} — ${count.title}`}
        description={count.statute ?? undefined}
        breadcrumb={<Link href={`/matters/${matterId}/counts`} className="hover:underline">Counts</Link>}
      />
      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="elements-heading">
          <h2 id="elements-heading" className="mb-3 text-base font-semibold">
            Elements, in order
          </h2>
          <ol className="mb-4 grid gap-2">
            {count.elements.map((e, i) => (
              <ElementRow
                key={e.id}
                label={elementLabel(`${count.number}.${e.position}`)}
                text={e.text}
                rename={updateElementAction.bind(null, matterId, count.id, e.id)}
                reorder={reorder}
                orderUp={i > 0 ? swap(ids, i, i - 1) : undefined}
                orderDown={i < ids.length - 1 ? swap(ids, i, i + 1) : undefined}
              />
            ))}
          </ol>
          <AddElementForm action={addElementAction.bind(null, matterId, count.id)} />
        </section>
        <section aria-labelledby="count-heading">
          <h2 id="count-heading" className="mb-3 text-base font-semibold">
            Count
          </h2>
          <CountForm
            action={updateCountAction.bind(null, matterId, count.id)}
            initial={{ number: String(count.number), title: count.title, statute: count.statute ?? undefined, description: count.description ?? undefined }}
            hidden={{}}
            withElements={false}
            submitLabel="Save count"
          />
        </section>
      </div>
    </div>
  );
}
