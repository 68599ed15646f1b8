import Link from "next/link";

// The class-member side: plain and calm, one column, no staff chrome.
export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-subtle">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-2xl items-center justify-between px-4">
          <span className="font-semibold tracking-tight">Proofline claims</span>
          <Link href="/sign-out" className="text-sm text-primary hover:underline">
            Sign out
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-8 text-base">{children}</main>
    </div>
  );
}
