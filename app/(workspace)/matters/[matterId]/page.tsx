import type { Metadata } from "next";
import Link from "next/link";
import { CoverageDashboard } from "@/components/ledger/coverage-dashboard";
import { AuditTrailTable } from "@/components/audit/audit-trail-table";
import { ButtonForm } from "@/components/admin/admin-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { MATTER_ROLE_LABELS } from "@/lib/roles";
import { getMatterOverview } from "@/lib/server/matters/get-matter-overview";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { setMatterTwoFactorRequirementAction } from "./actions";

export const metadata: Metadata = { title: "Overview" };

export default async function MatterOverviewPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const { access, matter, recentActivity } = await loadOr404(() => getMatterOverview(actor, matterId));
  const coverage = await getCoverage(actor, matterId);
  const stats = [
    { label: "Exhibits", value: matter._count.exhibits, href: `/matters/${matter.id}/exhibits` },
    { label: "Named & putative plaintiffs", value: matter._count.plaintiffs, href: `/matters/${matter.id}/plaintiffs` },
    { label: "Class member claims", value: matter._count.claims, href: `/matters/${matter.id}/claims` },
    { label: "Team members", value: matter.memberships.length },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={<span className="italic">{matter.caption}</span>}
        description={
          <>
            {matter.court} · No. <Mono>{matter.docketNumber}</Mono>
            {matter.filedOn && <> · filed {formatDate(matter.filedOn)}</>}
          </>
        }
      />
      {matter.description && <p className="mb-6 max-w-3xl text-sm leading-6">{matter.description}</p>}

      <dl className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-border p-4">
            <dt className="text-sm text-muted-foreground">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              {s.href ? (
                <Link href={s.href} className="hover:underline">
                  {s.value}
                </Link>
              ) : (
                s.value
              )}
            </dd>
          </div>
        ))}
      </dl>

      <CoverageDashboard matterId={matter.id} coverage={coverage} />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader>
            <CardTitle>Team</CardTitle>
            <CardDescription>Members see this matter; nobody else does.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ul className="flex flex-col gap-2 text-sm">
              {matter.memberships.map((m) => (
                <li key={m.id} className="flex items-baseline justify-between gap-2">
                  <span>
                    {m.user.name}
                    {matter.requireStaffTwoFactor && !m.user.totpEnabledAt && <span className="text-muted-foreground"> · no two-factor yet</span>}
                  </span>
                  <span className="text-muted-foreground">{MATTER_ROLE_LABELS[m.role]}</span>
                </li>
              ))}
            </ul>
            <div className="flex flex-col gap-2 border-t border-border pt-4 text-sm">
              <span>
                Two-factor sign-in: {matter.requireStaffTwoFactor ? <Badge variant="info">Required</Badge> : <Badge variant="neutral">Optional</Badge>}
              </span>
              {access.can("matter.security") && (
                <ButtonForm
                  action={setMatterTwoFactorRequirementAction.bind(null, matter.id)}
                  fields={{ required: matter.requireStaffTwoFactor ? "false" : "true" }}
                  label={matter.requireStaffTwoFactor ? "Stop requiring it" : "Require it of the team"}
                  confirmText={
                    matter.requireStaffTwoFactor
                      ? "Stop requiring two-factor sign-in for this matter?"
                      : "Require two-factor sign-in of this team? Members without it (you too) lose access to the matter until they set it up."
                  }
                />
              )}
            </div>
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>From the matter&apos;s append-only, hash-chained audit log.</CardDescription>
          </CardHeader>
          <CardContent>
            {recentActivity.length === 0 ? (
              <p className="text-sm text-muted-foreground">Nothing has happened on this matter yet.</p>
            ) : (
              <AuditTrailTable events={recentActivity} />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
