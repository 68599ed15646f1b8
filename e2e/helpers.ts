import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const PASSWORD = "proofline-demo";
export const USERS = {
  admin: "admin@proofline.test",
  attorney: "attorney@proofline.test",
  paralegal: "paralegal@proofline.test",
  outsider: "outsider@proofline.test",
  member1: "member1@proofline.test",
  member2: "member2@proofline.test",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

// The e2e run's own database (scripts/e2e.ts creates it): for facts the UI does not show.
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function hongMatterId(): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Matter" WHERE slug = 'hong-v-bytedance'`);
  if (!row) throw new Error("demo matter missing");
  return row.id;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

// A matter of its own, so a spec's rows never disturb the demo matter the other specs expect,
// with the demo attorney (as attorney) and paralegal (as paralegal) on its team.
export async function makeMatterWithTeam(name: { shortName: string; batesPrefix: string }): Promise<{ id: string; tag: string }> {
  const id = randomUUID();
  const tag = id.slice(0, 8).toUpperCase();
  await sql(
    `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "updatedAt")
     VALUES ($1, $2, $3, $4, 'N.D. Cal.', '5:26-cv-' || $5, $6, now())`,
    [id, `${name.shortName.toLowerCase()}-${tag.toLowerCase()}`, `${name.shortName} v. E2E ${tag}`, name.shortName, tag, name.batesPrefix],
  );
  await sql(
    `INSERT INTO "Membership" (id, "userId", "matterId", role)
     SELECT gen_random_uuid(), u.id, $1, CASE WHEN u.email = $2 THEN 'ATTORNEY' ELSE 'PARALEGAL' END::"MatterRole" FROM "User" u WHERE u.email IN ($2, $3)`,
    [id, USERS.attorney, USERS.paralegal],
  );
  return { id, tag };
}
