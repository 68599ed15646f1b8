// The demo matter, modelled on Hong v. ByteDance Inc. (N.D. Cal. 5:19-cv-07792). Idempotent:
// running it again changes nothing that is already there. Run: npm run db:seed
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedCaptureSettings, seedExhibits } from "./seed-exhibits";
import { seedAudit } from "./seed-audit";

import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export { DEMO_PASSWORD, DEMO_USERS };

export const DEMO_MATTER_SLUG = "hong-v-bytedance";

type UserKey = (typeof DEMO_USERS)[number]["key"];

export async function seedDemo(db: PrismaClient): Promise<{ created: boolean; matterId: string }> {
  const existing = await db.matter.findUnique({ where: { slug: DEMO_MATTER_SLUG }, select: { id: true } });
  const passwordHash = await hash(DEMO_PASSWORD);

  const users = {} as Record<UserKey, string>;
  for (const u of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, role: u.role, passwordHash },
    });
    users[u.key] = row.id;
  }

  const matter = await db.matter.upsert({
    where: { slug: DEMO_MATTER_SLUG },
    update: {},
    create: {
      slug: DEMO_MATTER_SLUG,
      caption: "Hong v. ByteDance Inc.",
      shortName: "Hong v. ByteDance",
      court: "U.S. District Court for the Northern District of California",
      docketNumber: "5:19-cv-07792",
      filedOn: new Date("2019-11-27T00:00:00Z"),
      description:
        "Putative class action alleging that the TikTok app transferred private and personally identifiable user data " +
        "to servers in China, including to umeng.com (Alibaba) and bugly.qq.com (Tencent), embedded Baidu and Igexin code, " +
        "created an account for a person who never signed up, and took biometric data from videos that were never posted. " +
        "Later part of MDL 2948, In re TikTok, Inc. Consumer Privacy Litigation.",
      exhibitPrefix: "PX",
      batesPrefix: "HONG",
    },
  });

  // A second matter, so the non-member attorney has a workspace of their own and cross-matter
  // refusals have something to refuse.
  const other = await db.matter.upsert({
    where: { slug: "doe-v-example-analytics" },
    update: {},
    create: {
      slug: "doe-v-example-analytics",
      caption: "Doe v. Example Analytics LLC",
      shortName: "Doe v. Example Analytics",
      court: "U.S. District Court for the District of Delaware",
      docketNumber: "1:24-cv-00001",
      exhibitPrefix: "PX",
      batesPrefix: "DOE",
    },
  });

  const memberships = [
    { userId: users.attorney, matterId: matter.id, role: "ATTORNEY" as const },
    { userId: users.paralegal, matterId: matter.id, role: "PARALEGAL" as const },
    { userId: users.outsider, matterId: other.id, role: "ATTORNEY" as const },
  ];
  for (const m of memberships) {
    await db.membership.upsert({
      where: { userId_matterId: { userId: m.userId, matterId: m.matterId } },
      update: {},
      create: m,
    });
  }

  const hong = await db.plaintiff.findFirst({ where: { matterId: matter.id, name: "Misty Hong" } });
  if (!hong) {
    await db.$transaction(async (tx) => {
      const p = await tx.plaintiff.create({
        data: {
          matterId: matter.id,
          name: "Misty Hong",
          kind: "NAMED",
          residenceCity: "Palo Alto",
          residenceState: "CA",
          appUsage:
            "College student. Downloaded the TikTok app in March or April 2019 and never created an account. " +
            "Months later she discovered that TikTok had created an account for her without her knowledge.",
          firstUseFrom: new Date("2019-03-01T00:00:00Z"),
          firstUseTo: new Date("2019-04-30T00:00:00Z"),
          accountStatus: "CREATED_WITHOUT_CONSENT",
          notes: "Source: news report of the complaint (shared/seeds). Verify against the filed complaint.",
          createdById: users.attorney,
        },
      });
      await tx.auditEvent.create({
        data: {
          matterId: matter.id,
          actorId: users.attorney,
          entityId: p.id,
          ...seedAudit("plaintiff.create", { after: { name: p.name, kind: p.kind }, source: "demo seed" }),
        },
      });
    });
  }

  await seedCaptureSettings(db, matter.id);
  await seedExhibits(db, matter.id, users.attorney);
  await (await import("./seed-claims")).seedClaims(db, matter.id);
  await (await import("./seed-site")).seedSettlementSite(db, matter.id);
  await (await import("./seed-ledger")).seedLedgerDemo(db, matter.id);
  await (await import("./seed-chronology")).seedChronology(db, matter.id, users.attorney);
  return { created: !existing, matterId: matter.id };
}

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the database to seed.");
    process.exit(1);
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const { created } = await seedDemo(db);
    console.log(created ? "Demo matter loaded." : "Demo matter already present; nothing to do.");
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
