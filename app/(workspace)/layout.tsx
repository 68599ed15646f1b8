import { notFound } from "next/navigation";
import { ViewerTimeZone } from "@/components/workspace/viewer-time-zone";
import { pageActor } from "@/lib/server/page-guard";
import { viewerTimeZone } from "@/lib/server/viewer-time-zone";

// Staff only. Class members get the same 404 as for anything else they may not see; each page's
// use case authorises again against its own matter.
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  if (actor.role === "CLASS_MEMBER") notFound();
  return (
    <div className="min-h-screen bg-background">
      <ViewerTimeZone timeZone={await viewerTimeZone()}>{children}</ViewerTimeZone>
    </div>
  );
}
