import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { ElementChart, StatusChart } from "@/components/ledger/coverage-charts";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { SUPPORT_STATUSES } from "@/lib/ledger/support-status";
import type { Coverage } from "@/lib/ledger/coverage";

// The matter's proof at a glance: allegations by status, and for each element of each count
// whether any allegation serving it is proven. Unproven elements are the legal risk.
export function CoverageDashboard({ matterId, coverage }: { matterId: string; coverage: Coverage }) {
  const ledger = `/matters/${matterId}/allegations`;
  const unproven = coverage.elements.filter((e) => e.supported === 0);
  const tiles = [
    { label: "Allegations", value: coverage.total, href: ledger },
    { label: "Supported", value: coverage.byStatus.SUPPORTED, href: `${ledger}?status=SUPPORTED` },
    { label: "Elements with no supported allegation", value: coverage.unprovenElements, warn: coverage.unprovenElements > 0 },
    { label: "Open evidence requests", value: coverage.openRequests, href: `${ledger}?request=open` },
    { label: "Overdue requests", value: coverage.overdueRequests, href: `${ledger}?request=overdue`, warn: coverage.overdueRequests > 0 },
  ];
  return (
    <section aria-labelledby="coverage-heading" className="mb-8" data-testid="coverage-dashboard">
      <h2 id="coverage-heading" className="mb-3 text-lg font-semibold">
        Proof coverage
      </h2>
      <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5">
        {tiles.map((t) => (
          <div key={t.label} className={`rounded-lg border p-3 ${t.warn ? "border-warning-border bg-warning-bg" : "border-border"}`}>
            <dt className="flex items-center gap-1 text-xs text-muted-foreground">
              {t.warn && <AlertTriangle aria-hidden className="size-3.5 text-warning" />}
              {t.label}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              {t.href ? (
                <Link href={t.href} className="hover:underline">
                  {t.value}
                </Link>
              ) : (
                t.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Allegations by status</CardTitle>
            <CardDescription>Derived from the evidence links.</CardDescription>
          </CardHeader>
          <CardContent>
            <StatusChart byStatus={coverage.byStatus} />
            <ul className="mt-2 flex flex-wrap gap-2">
              {SUPPORT_STATUSES.map((s) => (
                <li key={s}>
                  <Link href={`${ledger}?status=${s}`} className="inline-flex items-center gap-1 text-sm hover:underline">
                    <StatusBadge status={s} /> {coverage.byStatus[s]}
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Proof by element</CardTitle>
            <CardDescription>For each element, the allegations serving it by status. No green bar: nothing proves that element yet.</CardDescription>
          </CardHeader>
          <CardContent>
            {coverage.elements.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No counts yet. <Link href={`/matters/${matterId}/counts/new`} className="text-primary hover:underline">Add the causes of action</Link>.
              </p>
            ) : (
              <div className="grid gap-4 xl:grid-cols-2">
                <ElementChart
                  elements={coverage.elements.map((e) => ({
                    label: elementLabel(`${e.countNumber}.${e.position}`),
                    text: e.text,
                    SUPPORTED: e.supported,
                    PARTIAL: e.partial,
                    CONTRADICTED: e.contradicted,
                    UNSUPPORTED: e.unsupported,
                  }))}
                />
                <div>
                  <h3 className="mb-1 text-sm font-semibold">Unproven elements ({unproven.length})</h3>
                  <ul className="grid max-h-96 gap-1 overflow-y-auto text-xs" data-testid="unproven-elements">
                    {unproven.map((e) => (
                      <li key={e.elementId}>
                        <Link href={`${ledger}?element=element:${e.elementId}`} className="hover:underline">
                          <span className="font-mono">{elementLabel(`${e.countNumber}.${e.position}`)}</span> {e.text}
                        </Link>
                        <span className="text-muted-foreground">
                          {" "}
                          — {countLabel(e.countNumber)}, {e.allegations === 0 ? "no allegation pleads it" : `${e.allegations} allegation${e.allegations === 1 ? "" : "s"}, none supported`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            )}
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
