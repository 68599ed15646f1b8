import Link from "next/link";
import { headers } from "next/headers";
import { listPublicClaimForms } from "@/lib/server/claims/list-public-claim-forms";

// A mistyped settlement address: say so plainly and list the settlements that take claims here.
export default async function ClaimFormNotFound() {
  // not-found pages get no params; the path the proxy recorded says what was typed.
  const path = (await headers()).get("x-proofline-path") ?? "";
  const typed = /^\/claim\/([^/?#]*)/.exec(path)?.[1] ?? "";
  const settlements = await listPublicClaimForms(safeDecode(typed));
  return (
    <div className="grid gap-4">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">We could not find a settlement at this address</h1>
      <p className="text-base">Check the address on your notice. It looks like <span className="font-mono">/claim/name-of-the-case</span>.</p>
      {settlements.length > 0 && (
        <section aria-labelledby="settlements-title" className="grid gap-2">
          <h2 id="settlements-title" className="text-lg font-semibold">
            Settlements taking claims here
          </h2>
          <ul className="grid gap-1">
            {settlements.map((s) => (
              <li key={s.slug}>
                <Link href={`/claim/${s.slug}`} className="text-primary underline">
                  {s.caption}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-sm text-muted-foreground">
        Already filed? <Link href="/claims/sign-in" className="text-primary underline">Follow your claim</Link>.
      </p>
    </div>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
