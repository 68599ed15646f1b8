import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference, type OpenApiDoc } from "@/components/api/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { AppHeader } from "@/components/workspace/app-header";
import { openApiDocument } from "@/lib/api/openapi";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { env } from "@/lib/server/env";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "API reference" };

// The JSON API's reference, rendered from the same OpenAPI document /api/v1/openapi.json serves,
// for the staff who make tokens.
export default async function ApiDocsPage() {
  const actor = await pageActor();
  await loadOr404(async () => requireAccountPermission(actor, "account.tokens"));
  const doc = openApiDocument(env.APP_URL ?? "/") as unknown as OpenApiDoc;
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin={actor.role === "ADMIN"} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 p-6">
        <PageHeader title="API reference" description={doc.info.description} />
        <p className="text-sm">
          <Link href="/account/tokens" className="text-primary underline">
            ← API tokens
          </Link>
          {" · "}
          <a href="/api/v1/openapi.json" className="text-primary underline">
            OpenAPI 3.1 document (JSON)
          </a>
        </p>
        <ApiReference doc={doc} />
      </main>
    </>
  );
}
