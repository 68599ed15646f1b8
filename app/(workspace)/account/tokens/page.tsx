import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/auth/api-token-forms";
import { CreateServiceTokenForm } from "@/components/auth/service-token-forms";
import { ServiceTokenTable } from "@/components/auth/service-token-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { AppHeader } from "@/components/workspace/app-header";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { listAnyServiceTokens } from "@/lib/server/api-tokens/list-any-service-tokens";
import { listUsersAndMatters } from "@/lib/server/admin/list-users-and-matters";
import { listMyMatters } from "@/lib/server/matters/list-my-matters";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createAnyServiceTokenAction, createApiTokenAction, revokeAnyServiceTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

const STATE_BADGE = { active: { variant: "info", label: "Active" }, expired: { variant: "neutral", label: "Expired" }, revoked: { variant: "neutral", label: "Revoked" } } as const;

export default async function ApiTokensPage() {
  const actor = await pageActor();
  const [tokens, matters] = await loadOr404(() => Promise.all([listApiTokens(actor), listMyMatters(actor)]));
  // Administrators also keep every matter's claim-feed tokens here (attorneys: matter settings).
  const feeds = actor.role === "ADMIN" ? await loadOr404(() => Promise.all([listAnyServiceTokens(actor), listUsersAndMatters(actor)])) : null;
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin={actor.role === "ADMIN"} />
      <main className="mx-auto flex max-w-4xl flex-col gap-6 p-6">
        <PageHeader
          title="API tokens"
          description="Personal access tokens let scripts and other systems use Proofline's JSON API (/api/v1) as you, limited to the matters and access you choose. Changes made with a token are audited with its name."
        />
        <p className="text-sm">
          <Link href="/account" className="text-primary underline">
            ← Your account
          </Link>
          {" · "}
          <Link href="/api-docs" className="text-primary underline">
            API reference
          </Link>
          {" · "}
          <a href="/api/v1/openapi.json" className="text-primary underline">
            OpenAPI document (JSON)
          </a>
        </p>
        <section aria-labelledby="tokens-heading" className="flex flex-col gap-2">
          <h2 id="tokens-heading" className="text-lg font-semibold">
            Your tokens
          </h2>
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet" description="Create one below; it is shown once." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Access</TableHead>
                  <TableHead>Matters</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>State</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell className="font-medium">{t.name}</TableCell>
                    <TableCell>{t.access === "READ" ? "Read only" : "Read and write"}</TableCell>
                    <TableCell>{t.matters.join(", ") || "—"}</TableCell>
                    <TableCell><Timestamp value={t.createdAt} /></TableCell>
                    <TableCell><Timestamp value={t.expiresAt} /></TableCell>
                    <TableCell>{t.lastUsedAt ? <Timestamp value={t.lastUsedAt} /> : "Never"}</TableCell>
                    <TableCell>
                      <Badge variant={STATE_BADGE[t.state].variant}>{STATE_BADGE[t.state].label}</Badge>
                    </TableCell>
                    <TableCell>{t.state === "active" && <RevokeApiTokenForm action={revokeApiTokenAction} tokenId={t.id} name={t.name} />}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
        <Card>
          <CardHeader>
            <CardTitle as="h2">New token</CardTitle>
            <CardDescription>It works only on the matters you tick, and only while you are on their team.</CardDescription>
          </CardHeader>
          <CardContent>
            {matters.length === 0 ? (
              <p className="text-sm text-muted-foreground">You are not on any matter’s team, so a token would reach nothing.</p>
            ) : (
              <CreateApiTokenForm action={createApiTokenAction} matters={matters.map((m) => ({ id: m.id, shortName: m.shortName, caption: m.caption }))} />
            )}
          </CardContent>
        </Card>
        {feeds && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Claim-feed tokens (all matters)</CardTitle>
              <CardDescription>
                A claim-feed token files claims into one matter through <code className="font-mono">POST /api/v1/claims/&lt;matter slug&gt;</code> and does nothing else. A matter’s attorneys
                manage its tokens on the matter’s settings page.
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              <ServiceTokenTable tokens={feeds[0]} showMatter revoke={(t) => <RevokeApiTokenForm action={revokeAnyServiceTokenAction} tokenId={t.id} name={t.name} />} />
              <CreateServiceTokenForm action={createAnyServiceTokenAction} matters={feeds[1].matters.map((m) => ({ id: m.id, label: `${m.caption} (${m.docketNumber})` }))} />
            </CardContent>
          </Card>
        )}
      </main>
    </>
  );
}
