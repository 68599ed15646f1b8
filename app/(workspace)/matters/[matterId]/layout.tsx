import { AppHeader } from "@/components/workspace/app-header";
import { MatterNav } from "@/components/workspace/matter-nav";
import { ACCOUNT_ROLE_LABELS, MATTER_ROLE_LABELS } from "@/lib/roles";
import { getMatterHeader } from "@/lib/server/matters/get-matter-header";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export default async function MatterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ matterId: string }>;
}) {
  const { matterId } = await params;
  const actor = await pageActor();
  const matter = await loadOr404(() => getMatterHeader(actor, matterId));
  return (
    <>
      <AppHeader
        user={{
          name: actor.name,
          email: actor.email,
          roleLabel: `${ACCOUNT_ROLE_LABELS[actor.role]} · ${MATTER_ROLE_LABELS[matter.access.role]} on this matter`,
        }}
        matter={matter}
        isAdmin={actor.role === "ADMIN"}
      />
      <div className="flex">
        <aside className="sticky top-14 h-[calc(100vh-3.5rem)] w-52 shrink-0 border-r border-border bg-subtle" data-print="hide">
          <MatterNav matterId={matter.id} />
        </aside>
        <main className="min-w-0 flex-1 p-6">{children}</main>
      </div>
    </>
  );
}
