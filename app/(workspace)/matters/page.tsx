import type { Metadata } from "next";
import Link from "next/link";
import { Briefcase } from "lucide-react";
import { AppHeader } from "@/components/workspace/app-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ACCOUNT_ROLE_LABELS, MATTER_ROLE_LABELS } from "@/lib/roles";
import { listMyMatters } from "@/lib/server/matters/list-my-matters";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Matters" };

export default async function MattersPage() {
  const actor = await pageActor();
  const matters = await loadOr404(() => listMyMatters(actor));
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin={actor.role === "ADMIN"} />
      <main className="mx-auto max-w-6xl p-6">
        <PageHeader title="Matters" description="The matters you are a member of." />
        {matters.length === 0 ? (
          <EmptyState
            icon={<Briefcase />}
            title="No matters yet"
            description={
              actor.role === "ADMIN"
                ? "You are not on any matter's team. Administration lists every matter and its team."
                : "You are not a member of any matter. An administrator adds you to a matter's team."
            }
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Caption</TableHead>
                <TableHead>Docket</TableHead>
                <TableHead>Court</TableHead>
                <TableHead>Your role</TableHead>
                <TableHead className="text-right">Plaintiffs</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {matters.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>
                    <Link href={`/matters/${m.id}`} className="font-medium italic text-primary hover:underline">
                      {m.caption}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Mono>{m.docketNumber}</Mono>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{m.court}</TableCell>
                  <TableCell>
                    <Badge variant="outline">{MATTER_ROLE_LABELS[m.role]}</Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m._count.plaintiffs}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </main>
    </>
  );
}
