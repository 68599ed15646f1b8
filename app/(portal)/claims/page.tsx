import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Your claims" };

// A class member's whole world in Proofline: their own claims. Filing arrives with the claims
// portal; until then the list is empty.
export default async function MyClaimsPage() {
  const actor = await pageActor();
  if (actor.role !== "CLASS_MEMBER") notFound();
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Your claims</h1>
      <p className="mb-6 text-muted-foreground">Signed in as {actor.email}.</p>
      <EmptyState
        icon={<FileText />}
        title="You have no claims yet"
        description="When you file a claim in a settlement, it appears here with its status and any notice that needs your answer."
      />
    </>
  );
}
