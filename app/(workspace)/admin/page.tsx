import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { AddMemberForm, ButtonForm, CreateStaffUserForm } from "@/components/admin/admin-forms";
import { AppHeader } from "@/components/workspace/app-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ACCOUNT_ROLE_LABELS, MATTER_ROLE_LABELS } from "@/lib/roles";
import { listUsersAndMatters } from "@/lib/server/admin/list-users-and-matters";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import {
  addMembershipAction,
  createStaffUserAction,
  removeMembershipAction,
  resetUserTwoFactorAction,
  setAnyMatterTwoFactorRequirementAction,
  setStaffTwoFactorRequirementAction,
  setUserDisabledAction,
} from "./actions";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await pageActor();
  const { users, matters, requireStaffTwoFactor } = await loadOr404(() => listUsersAndMatters(actor));
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin />
      <main className="mx-auto flex max-w-6xl flex-col gap-8 p-6">
        <PageHeader
          title="Administration"
          description="Staff accounts and matter teams. Matter content is visible only to a matter's members."
          actions={
            <Button asChild variant="outline">
              <Link href="/admin/knowledge-base">Tracker knowledge base</Link>
            </Button>
          }
        />

        <section aria-labelledby="security-heading" className="flex flex-col gap-4">
          <h2 id="security-heading" className="text-lg font-semibold">
            Sign-in security
          </h2>
          <Card>
            <CardHeader>
              <CardTitle as="h3" className="flex items-center gap-2">
                Two-factor sign-in for all staff {requireStaffTwoFactor ? <Badge variant="info">Required</Badge> : <Badge variant="neutral">Optional</Badge>}
              </CardTitle>
              <CardDescription>
                {requireStaffTwoFactor
                  ? "Every staff and admin account must use a code from an authenticator app. Who has not set it up is sent to do so and reaches no matter until then."
                  : "Staff choose for themselves, unless a matter requires it of its team (below). Requiring it applies to everyone, you included, on their next page."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ButtonForm
                action={setStaffTwoFactorRequirementAction}
                fields={{ required: requireStaffTwoFactor ? "false" : "true" }}
                label={requireStaffTwoFactor ? "Stop requiring it" : "Require it of all staff"}
                variant={requireStaffTwoFactor ? "destructive" : "outline"}
                confirmText={
                  requireStaffTwoFactor
                    ? "Stop requiring two-factor sign-in of all staff? Matters that require it still do."
                    : `Require two-factor sign-in of all staff? ${users.filter((u) => !u.totpEnabledAt && !u.disabledAt).length} active accounts have not set it up yet.`
                }
              />
            </CardContent>
          </Card>
        </section>

        <section aria-labelledby="teams-heading" className="flex flex-col gap-4">
          <h2 id="teams-heading" className="text-lg font-semibold">
            Matter teams
          </h2>
          {matters.map((m) => (
            <Card key={m.id}>
              <CardHeader>
                <CardTitle as="h3">
                  <span className="italic">{m.caption}</span> <Mono className="text-sm font-normal text-muted-foreground">No. {m.docketNumber}</Mono>
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <span>
                    Two-factor sign-in for this team:{" "}
                    {m.requireStaffTwoFactor || requireStaffTwoFactor ? <Badge variant="info">Required</Badge> : <Badge variant="neutral">Optional</Badge>}
                    {!m.requireStaffTwoFactor && requireStaffTwoFactor && <span className="text-muted-foreground"> (by the setting for all staff)</span>}
                  </span>
                  <ButtonForm
                    action={setAnyMatterTwoFactorRequirementAction}
                    fields={{ matterId: m.id, required: m.requireStaffTwoFactor ? "false" : "true" }}
                    label={m.requireStaffTwoFactor ? "Stop requiring it for this matter" : "Require it for this matter"}
                    confirmText={
                      m.requireStaffTwoFactor
                        ? `Stop requiring two-factor sign-in for ${m.caption}?`
                        : `Require two-factor sign-in for ${m.caption}? Team members without it lose access until they set it up.`
                    }
                  />
                </div>
                {m.memberships.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Nobody is on this team yet.</p>
                ) : (
                  <ul className="flex flex-col divide-y divide-border text-sm">
                    {m.memberships.map((ms) => (
                      <li key={ms.id} className="flex items-center justify-between gap-4 py-2">
                        <span>
                          {ms.user.name} <span className="text-muted-foreground">({ms.user.email})</span>{" "}
                          {ms.user.disabledAt && <Badge variant="warning">Disabled</Badge>}
                        </span>
                        <span className="flex items-center gap-3">
                          <Badge variant="outline">{MATTER_ROLE_LABELS[ms.role]}</Badge>
                          <ButtonForm
                            action={removeMembershipAction}
                            fields={{ membershipId: ms.id }}
                            label="Remove"
                            confirmText={`Remove ${ms.user.name} from ${m.caption}? They lose access at once.`}
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                <AddMemberForm action={addMembershipAction} matterId={m.id} />
              </CardContent>
            </Card>
          ))}
        </section>

        <section aria-labelledby="users-heading" className="flex flex-col gap-4">
          <h2 id="users-heading" className="text-lg font-semibold">
            Staff accounts
          </h2>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="text-right">Teams</TableHead>
                <TableHead>Two-factor</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id}>
                  <TableCell className="font-medium">{u.name}</TableCell>
                  <TableCell>{u.email}</TableCell>
                  <TableCell>{ACCOUNT_ROLE_LABELS[u.role]}</TableCell>
                  <TableCell className="text-right tabular-nums">{u._count.memberships}</TableCell>
                  <TableCell>
                    {u.totpEnabledAt ? (
                      <span className="flex items-center gap-2">
                        <Badge variant="info">On</Badge>
                        {u.id !== actor.userId && (
                          <ButtonForm
                            action={resetUserTwoFactorAction}
                            fields={{ userId: u.id }}
                            label="Remove"
                            confirmText={`Remove ${u.name}'s authenticator and recovery codes? Do this only for someone who lost both, once you know it is them. They are signed out everywhere.`}
                          />
                        )}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">Off</span>
                    )}
                  </TableCell>
                  <TableCell>{u.disabledAt ? <Badge variant="warning">Disabled</Badge> : <Badge variant="neutral">Active</Badge>}</TableCell>
                  <TableCell className="text-right">
                    {u.id !== actor.userId && (
                      <ButtonForm
                        action={setUserDisabledAction}
                        fields={{ userId: u.id, disabled: u.disabledAt ? "false" : "true" }}
                        label={u.disabledAt ? "Enable" : "Disable"}
                        variant={u.disabledAt ? "outline" : "destructive"}
                        confirmText={u.disabledAt ? `Let ${u.name} sign in again?` : `Disable ${u.name}? They are signed out on their next request.`}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Card>
            <CardHeader>
              <CardTitle as="h3">New staff account</CardTitle>
              <CardDescription>Class members create their own accounts through the claim portal.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateStaffUserForm action={createStaffUserAction} submissionKey={randomUUID()} />
            </CardContent>
          </Card>
        </section>
      </main>
    </>
  );
}
