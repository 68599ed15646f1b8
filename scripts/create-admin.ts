// `npm run admin:create -- --email you@firm.example --name "Your Name"`: the first administrator
// of a deployment (start-up refuses the demo accounts, so a real database begins with nobody).
// Prints a generated password once; change it at /account after signing in. Refuses an e-mail
// that already has an account. Runs with the react-server condition so lib/server may load.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db";

const ZArgs = z.object({
  email: z.email("--email must be an e-mail address").max(254).transform((s) => s.toLowerCase()),
  name: z.string({ error: "--name is required" }).trim().min(1, "--name is required").max(200),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const { email, name } = parsed.data;
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new Error(`an account for ${email} already exists`);
    await tx.user.create({ data: { id, email, name, role: "ADMIN", passwordHash } });
    // No signed-in actor: the audit row names the command line as the system.
    await appendAudit(tx, null, { matterId: null, action: "user.create", entityId: id, details: { email, name, role: "ADMIN" } });
  });
  console.log(`Created administrator ${email}.\nPassword (shown once; change it at /account): ${password}`);
}

main()
  .catch((error: unknown) => {
    console.error(`admin:create: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
