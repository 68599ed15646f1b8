import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FileText } from "lucide-react";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { formatCalendarDate } from "@/lib/claims/dates";
import { listMyClaims } from "@/lib/server/claims/list-my-claims";
import { pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Your claims" };

// A class member's whole world in Proofline: their own claims.
export default async function MyClaimsPage() {
  const actor = await pageActor();
  if (actor.role !== "CLASS_MEMBER") notFound();
  const claims = await listMyClaims(actor);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Your claims</h1>
      <p className="mb-6 text-muted-foreground">Signed in as {actor.email}.</p>
      {claims.length === 0 ? (
        <EmptyState
          icon={<FileText />}
          title="You have no claims yet"
          description="When you file a claim in a settlement, it appears here with its status and any notice that needs your answer."
        />
      ) : (
        <ul className="grid gap-3" aria-label="Claims">
          {claims.map((c) => (
            <li key={c.id} className="rounded-lg border border-border bg-background p-4" data-testid="my-claim">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/claims/${c.number}`} className="text-lg font-medium text-primary underline-offset-4 hover:underline">
                  Claim <Mono>{c.number}</Mono>
                </Link>
                <ClaimStatusBadge status={c.status} />
              </div>
              <p className="mt-1 text-sm text-muted-foreground">
                {c.matter.caption} · filed {formatCalendarDate(c.createdAt)}
              </p>
              {c.status === "DEFICIENT" && (
                <p className="mt-2 text-sm font-medium">Action needed by {formatCalendarDate(c.deficiencyDueOn)}: open the claim to answer.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
