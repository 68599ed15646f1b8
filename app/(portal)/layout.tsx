import Link from "next/link";
import { getActor } from "@/lib/server/auth/get-actor";

// The class-member side: plain and calm, one column, no staff chrome.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return (
    <div className="min-h-screen bg-subtle">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-2xl items-center justify-between px-4">
          <span className="font-semibold tracking-tight">Proofline claims</span>
          <nav aria-label="Account" className="flex gap-4 text-sm">
            {actor ? (
              <>
                {actor.role === "CLASS_MEMBER" && (
                  <Link href="/claims" className="text-primary hover:underline">
                    Your claims
                  </Link>
                )}
                <Link href="/sign-out" className="text-primary hover:underline">
                  Sign out
                </Link>
              </>
            ) : (
              <Link href="/claims/sign-in" className="text-primary hover:underline">
                Check a claim
              </Link>
            )}
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-8 text-base">{children}</main>
    </div>
  );
}
