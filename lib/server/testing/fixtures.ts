import "server-only";
import { randomBytes } from "node:crypto";
import type { AccountRole, MatterRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

// Each test makes its own users and matters, so tests never depend on one another or on the demo.
const tag = () => randomBytes(4).toString("hex");

export async function makeUser(role: AccountRole = "STAFF", name = "Test User"): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${tag()}@test.proofline`, name, role, passwordHash: null },
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip: "127.0.0.1" };
}

export async function makeMatter(caption = "Test v. Matter") {
  const t = tag();
  return db.matter.create({
    data: {
      slug: `test-${t}`,
      caption: `${caption} ${t}`,
      shortName: caption,
      court: "N.D. Cal.",
      docketNumber: `5:26-cv-${t}`,
      batesPrefix: "TEST",
    },
  });
}

export async function addMember(actor: Actor, matterId: string, role: MatterRole): Promise<void> {
  await db.membership.create({ data: { userId: actor.userId, matterId, role } });
}

// A matter with an attorney, a paralegal, a staff outsider, an admin who is not a member, and a class member.
export async function makeMatterWithTeam() {
  const matter = await makeMatter();
  const attorney = await makeUser("STAFF", "Attorney");
  const paralegal = await makeUser("STAFF", "Paralegal");
  const outsider = await makeUser("STAFF", "Outsider");
  const admin = await makeUser("ADMIN", "Admin");
  const member = await makeUser("CLASS_MEMBER", "Class Member");
  await addMember(attorney, matter.id, "ATTORNEY");
  await addMember(paralegal, matter.id, "PARALEGAL");
  return { matter, attorney, paralegal, outsider, admin, member };
}

export function validPlaintiffInput(overrides: Record<string, unknown> = {}) {
  return {
    submissionKey: crypto.randomUUID(),
    name: "Misty Hong",
    kind: "NAMED",
    residenceCity: "Palo Alto",
    residenceState: "CA",
    appUsage: "Downloaded the app in March or April 2019; never created an account.",
    firstUseFrom: "2019-03-01",
    firstUseTo: "2019-04-30",
    accountStatus: "CREATED_WITHOUT_CONSENT",
    ...overrides,
  };
}
