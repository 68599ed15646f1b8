import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { AddMemberForm, ButtonForm, CreateStaffUserForm } from "@/components/admin/admin-forms";
import { AppHeader } from "@/components/workspace/app-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ACCOUNT_ROLE_LABELS, MATTER_ROLE_LABELS } from "@/lib/roles";
import { listUsersAndMatters } from "@/lib/server/admin/list-users-and-matters";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { addMembershipAction, createStaffUserAction, removeMembershipAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await pageActor();
  const { users, matters } = await loadOr404(() => listUsersAndMatters(actor));
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin />
      <main className="mx-auto flex max-w-6xl flex-col gap-8 p-6">
        <PageHeader title="Administration" description="Staff accounts and matter teams. Matter content is visible only to a matter's members." />

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
