// The ledger of the demo matter: the causes of action with their elements, and the allegations as
// the news report in ../shared/seeds describes them. Paragraph numbers are illustrative (the report
// does not give them); verify everything against the filed complaint. Most allegations stay
// UNSUPPORTED on purpose: the filing attached no documents for the transfers, and showing that gap
// is the point of the ledger. Idempotent: what exists is left alone.
import { writeDemoBlob } from "./seed-exhibits";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { exhibitLabel } from "../lib/bates/format";
import { seedAudit } from "./seed-audit";
import type { AllegationKind, DataCategory } from "../lib/generated/prisma/enums";

const COUNTS: { number: number; title: string; statute: string; elements: string[] }[] = [
  {
    number: 1,
    title: "Computer Fraud and Abuse Act",
    statute: "18 U.S.C. § 1030",
    elements: [
      "Intentionally accessed a protected computer",
      "Without authorization or exceeding authorized access",
      "Obtained information from the protected computer",
      "Caused loss aggregating at least $5,000 in a one-year period",
    ],
  },
  {
    number: 2,
    title: "Comprehensive Computer Data Access and Fraud Act",
    statute: "Cal. Penal Code § 502",
    elements: [
      "Knowingly accessed plaintiffs' computers, computer systems or networks",
      "Without permission",
      "Took, copied or made use of data",
      "Plaintiffs suffered damage or loss",
    ],
  },
  {
    number: 3,
    title: "Invasion of privacy",
    statute: "Cal. Const. art. I, § 1",
    elements: ["A legally protected privacy interest", "A reasonable expectation of privacy in the circumstances", "Conduct amounting to a serious invasion of privacy"],
  },
  {
    number: 4,
    title: "Intrusion upon seclusion",
    statute: "California common law",
    elements: ["Intentional intrusion into a private place, conversation or matter", "In a manner highly offensive to a reasonable person", "Resulting injury"],
  },
  {
    number: 5,
    title: "Unfair Competition Law",
    statute: "Cal. Bus. & Prof. Code § 17200",
    elements: ["An unlawful, unfair or fraudulent business act or practice", "Plaintiff lost money or property", "Caused by the practice"],
  },
  {
    number: 6,
    title: "False Advertising Law",
    statute: "Cal. Bus. & Prof. Code § 17500",
    elements: ["Untrue or misleading statements made to the public", "Defendant knew or should have known they were untrue or misleading", "Plaintiff relied on them and lost money or property"],
  },
  { number: 7, title: "Negligence", statute: "California common law", elements: ["Duty of care", "Breach of that duty", "Causation", "Damages"] },
  {
    number: 8,
    title: "Unjust enrichment / restitution",
    statute: "California common law",
    elements: ["Defendant received a benefit", "Retention of the benefit at plaintiffs' expense would be unjust"],
  },
];

type Transfer = {
  host: string;
  org: string;
  country: string;
  categories: DataCategory[];
  from?: string;
  to?: string;
  sdk?: string;
};
type SeedAllegation = { paragraph: number; kind: AllegationKind; text: string; elements: string[]; transfer?: Transfer; sdkPrefixes?: string[] };

// elements: "count.position"
const APRIL_2019 = { from: "2019-04-01", to: "2019-04-30" };
const ALLEGATIONS: SeedAllegation[] = [
  { paragraph: 1, kind: "GENERAL", text: "TikTok surreptitiously vacuumed up and transferred to servers in China vast quantities of private and personally-identifiable user data.", elements: ["3.1", "3.3", "4.1", "5.1"] },
  { paragraph: 2, kind: "GENERAL", text: "The data was taken and transferred without users' knowledge or consent.", elements: ["1.2", "2.2", "3.2", "4.2"] },
  { paragraph: 3, kind: "DATA_TRANSFER", text: "As late as April 2019 the app transferred information about the user's device to umeng.com, a server in China.", elements: ["1.1", "1.3", "2.1", "2.3"], transfer: { host: "umeng.com", org: "Alibaba Group (Umeng)", country: "CN", categories: ["DEVICE_IDENTIFIERS", "HARDWARE_INFO"], ...APRIL_2019 } },
  { paragraph: 4, kind: "DATA_TRANSFER", text: "As late as April 2019 the app transferred to umeng.com the websites the user had visited.", elements: ["1.3", "2.3", "3.1"], transfer: { host: "umeng.com", org: "Alibaba Group (Umeng)", country: "CN", categories: ["BROWSING_HISTORY"], ...APRIL_2019 } },
  { paragraph: 5, kind: "DATA_TRANSFER", text: "As late as April 2019 the app transferred information about the user's device to bugly.qq.com, a server in China.", elements: ["1.1", "1.3", "2.1", "2.3"], transfer: { host: "bugly.qq.com", org: "Tencent", country: "CN", categories: ["DEVICE_IDENTIFIERS", "HARDWARE_INFO"], sdk: "Bugly", ...APRIL_2019 } },
  { paragraph: 6, kind: "DATA_TRANSFER", text: "As late as April 2019 the app transferred to bugly.qq.com the websites the user had visited.", elements: ["1.3", "2.3", "3.1"], transfer: { host: "bugly.qq.com", org: "Tencent", country: "CN", categories: ["BROWSING_HISTORY"], sdk: "Bugly", ...APRIL_2019 } },
  { paragraph: 7, kind: "SDK_EMBEDDED", text: "Source code from Baidu, a Chinese technology company, has been embedded in the TikTok app since at least 2017.", elements: ["1.1", "2.1", "5.1"], sdkPrefixes: ["com.baidu"] },
  { paragraph: 8, kind: "SDK_EMBEDDED", text: "Source code from Igexin, a Chinese advertising service, has been embedded in the TikTok app since at least 2017.", elements: ["1.1", "2.1", "5.1"], sdkPrefixes: ["com.igexin"] },
  { paragraph: 9, kind: "SDK_EMBEDDED", text: "Security researchers found in 2017 that the Igexin code enabled app developers to install spyware on users' phones.", elements: ["3.3", "4.2", "7.2"], sdkPrefixes: ["com.igexin"] },
  { paragraph: 10, kind: "ACCOUNT_CREATION", text: "Plaintiff downloaded the TikTok app in March or April 2019 and never created an account.", elements: ["3.2", "4.1"] },
  { paragraph: 11, kind: "ACCOUNT_CREATION", text: "Months later, Plaintiff discovered that TikTok had created an account for her without her knowledge.", elements: ["1.2", "2.2", "3.3", "4.1"] },
  { paragraph: 12, kind: "GENERAL", text: "TikTok produced a dossier of private information about Plaintiff.", elements: ["3.1", "3.3", "4.1", "8.1"] },
  { paragraph: 13, kind: "BIOMETRIC", text: "The dossier includes biometric information gleaned from videos Plaintiff created but never posted.", elements: ["3.1", "3.3", "4.1", "4.2"] },
  { paragraph: 14, kind: "BIOMETRIC", text: "TikTok took the content of videos that users created but chose not to post.", elements: ["1.3", "2.3", "4.1"] },
  { paragraph: 15, kind: "GENERAL", text: "TikTok profits from the personal data it takes from users.", elements: ["5.2", "8.1", "8.2"] },
  { paragraph: 16, kind: "GENERAL", text: "TikTok's statements that U.S. user data is stored in the United States, with backups in Singapore, were misleading.", elements: ["6.1", "6.2"] },
];

// Illustrative exhibits, so the ledger has something to link in a demo. Not evidence.
const DEMO_EXHIBITS = [
  {
    title: "[Demo data] Network capture summary: umeng.com and bugly.qq.com requests (illustrative, not evidence)",
    kind: "TEXT" as const,
    privilege: "NONE" as const,
    content: "DEMO DATA. Illustrative summary of a network capture. Not evidence.\n",
  },
  {
    title: "[Demo data] Counsel's memo on the umeng.com traffic (illustrative, privileged work product)",
    kind: "TEXT" as const,
    privilege: "WORK_PRODUCT" as const,
    content: "DEMO DATA. Illustrative privileged memo. Not evidence.\n",
  },
];

export async function seedLedgerDemo(db: PrismaClient, matterId: string): Promise<void> {
  // A demo loaded before SDK_EMBEDDED allegations named their SDK prefixes gets them, once.
  for (const a of ALLEGATIONS.filter((x) => x.sdkPrefixes)) {
    await db.allegation.updateMany({ where: { matterId, paragraphLabel: String(a.paragraph), kind: "SDK_EMBEDDED", sdkPrefixes: { isEmpty: true } }, data: { sdkPrefixes: a.sdkPrefixes } });
  }
  if (await db.count.findFirst({ where: { matterId }, select: { id: true } })) return;
  const attorney = await db.user.findUniqueOrThrow({ where: { email: "attorney@proofline.test" } });
  const paralegal = await db.user.findUniqueOrThrow({ where: { email: "paralegal@proofline.test" } });

  await db.$transaction(async (tx) => {
    const elementIds = new Map<string, string>();
    for (const c of COUNTS) {
      const count = await tx.count.create({
        data: {
          matterId,
          number: c.number,
          title: c.title,
          statute: c.statute,
          description: "Elements as commonly pleaded; verify against the filed complaint.",
          elements: { create: c.elements.map((text, i) => ({ text, position: i + 1 })) },
        },
        include: { elements: true },
      });
      for (const e of count.elements) elementIds.set(`${c.number}.${e.position}`, e.id);
      await tx.auditEvent.create({
        data: { matterId, actorId: attorney.id, entityId: count.id, ...seedAudit("count.create", { after: { number: c.number, title: c.title, statute: c.statute, elements: c.elements }, source: "demo seed" }) },
      });
    }

    const allegationIds = new Map<number, string>();
    for (const a of ALLEGATIONS) {
      const t = a.transfer;
      const row = await tx.allegation.create({
        data: {
          matterId,
          paragraph: a.paragraph,
          text: a.text,
          kind: a.kind,
          sdkPrefixes: a.sdkPrefixes ?? [],
          elements: { create: a.elements.map((ref) => ({ elementId: elementIds.get(ref)! })) },
          ...(t && {
            dataTransfer: {
              create: {
                dataCategories: t.categories,
                destinationHost: t.host,
                recipientOrg: t.org,
                destinationCountry: t.country,
                sdk: t.sdk ?? null,
                observedFrom: t.from ? new Date(`${t.from}T00:00:00Z`) : null,
                observedTo: t.to ? new Date(`${t.to}T00:00:00Z`) : null,
                appPlatform: "UNKNOWN",
              },
            },
          }),
        },
      });
      allegationIds.set(a.paragraph, row.id);
      await tx.auditEvent.create({
        data: {
          matterId,
          actorId: paralegal.id,
          entityId: row.id,
          ...seedAudit("allegation.create", { allegationId: row.id, after: { paragraph: a.paragraph, text: a.text, kind: a.kind }, source: "demo seed" }),
        },
      });
    }

    const exhibitIds: string[] = [];
    const exhibitLabels: string[] = [];
    for (const x of DEMO_EXHIBITS) {
      const bytes = Buffer.from(x.content, "utf8");
      // The file goes into the store too, so downloads and the integrity sweep find it.
      const { sha256, storageKey } = await writeDemoBlob(bytes);
      await tx.blob.upsert({
        where: { sha256 },
        update: {},
        create: { sha256, size: BigInt(bytes.length), mediaType: "text/plain", storageKey },
      });
      const matter = await tx.matter.update({ where: { id: matterId }, data: { nextExhibitNumber: { increment: 1 } } });
      const exhibit = await tx.exhibit.create({
        data: {
          matterId,
          number: matter.nextExhibitNumber - 1,
          prefix: matter.exhibitPrefix,
          title: x.title,
          description: "Demo data created by the seed so the ledger can be tried out. Not evidence.",
          kind: x.kind,
          source: "Demo seed",
          originalFilename: "demo.txt",
          blobSha256: sha256,
          privilege: x.privilege,
          privilegeBasis: x.privilege === "NONE" ? null : "Demo: attorney work product",
          extractionStatus: "NOT_APPLICABLE",
          createdById: attorney.id,
        },
      });
      exhibitIds.push(exhibit.id);
      exhibitLabels.push(exhibitLabel(exhibit.prefix, exhibit.number));
    }

    // One privileged-only link (¶ 5 shows PARTIAL), one open request, one overdue request.
    const link = await tx.evidenceLink.create({
      data: { matterId, allegationId: allegationIds.get(5)!, exhibitId: exhibitIds[1]!, relation: "SUPPORTS", pinCite: "p. 2", note: "Privileged: cannot be used as proof.", createdById: attorney.id },
    });
    await tx.auditEvent.create({
      data: {
        matterId,
        actorId: attorney.id,
        entityId: link.id,
        ...seedAudit("evidence.link", {
          allegationId: link.allegationId,
          paragraph: 5,
          exhibit: exhibitLabels[1]!,
          exhibitId: link.exhibitId,
          relation: link.relation,
          pinCite: link.pinCite ?? undefined,
          note: link.note ?? undefined,
          fulfilledRequestId: null,
          clearedFlag: null,
          source: "demo seed",
        }),
      },
    });
    const day = 86_400_000;
    const requests = [
      { paragraph: 11, description: "Account records showing when and how the account in Plaintiff's name was created", assigneeId: paralegal.id, dueOn: new Date(Date.now() + 21 * day) },
      { paragraph: 7, description: "Decompiled APK (2017–2019 versions) showing the Baidu SDK packages", assigneeId: attorney.id, dueOn: new Date(Date.now() - 7 * day) },
    ];
    for (const r of requests) {
      const allegationId = allegationIds.get(r.paragraph)!;
      const row = await tx.evidenceRequest.create({
        data: { matterId, allegationId, description: r.description, assigneeId: r.assigneeId, dueOn: new Date(r.dueOn.toISOString().slice(0, 10) + "T00:00:00Z"), createdById: paralegal.id },
      });
      await tx.auditEvent.create({
        data: {
          matterId,
          actorId: paralegal.id,
          entityId: row.id,
          ...seedAudit("evidence-request.create", {
            allegationId,
            paragraph: r.paragraph,
            description: r.description,
            assigneeId: r.assigneeId,
            dueOn: row.dueOn?.toISOString().slice(0, 10),
            source: "demo seed",
          }),
        },
      });
    }
  }, { timeout: 120_000 });
}
