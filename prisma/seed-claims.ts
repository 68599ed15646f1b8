// The demo matter's claim form and a few claims (one belongs to member1@proofline.test).
// Idempotent, like seedDemo, which calls it.
import { v7 as uuidv7 } from "uuid";
import { generateClaimNumber } from "../lib/claims/claim-number";
import { normalizeAddress, normalizeEmail, normalizePhone } from "../lib/claims/normalize";
import { ZClaimFormDefinition, type TClaimFormDefinition } from "../lib/schemas/claim-form";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { rescoreInTransaction } from "../lib/server/claims/rescore-in-transaction";
import { seedAudit } from "./seed-audit";

export const HONG_CLAIM_FORM: TClaimFormDefinition = ZClaimFormDefinition.parse({
  version: 1,
  intro:
    "If you used the TikTok app (or its predecessor Musical.ly) in the United States during the class period, you may be " +
    "eligible for a payment from the settlement in In re TikTok, Inc. Consumer Privacy Litigation (MDL 2948).",
  classPeriod: { start: "2014-01-01", end: "2021-09-30" },
  claimDeadline: "2099-03-01",
  questions: [
    {
      id: "usedInUs",
      kind: "yesno",
      label: "Did you use the TikTok or Musical.ly app in the United States between January 1, 2014 and September 30, 2021?",
      eligibility: { requiredAnswer: "yes", reason: "The settlement covers people who used the app in the United States during the class period." },
      es: {
        label: "¿Usó la aplicación TikTok o Musical.ly en los Estados Unidos entre el 1 de enero de 2014 y el 30 de septiembre de 2021?",
        reason: "El acuerdo cubre a las personas que usaron la aplicación en los Estados Unidos durante el período del grupo.",
      },
    },
    {
      id: "illinoisResident",
      kind: "yesno",
      label: "Did you live in Illinois when you used the app during the class period?",
      help: "Illinois residents form a subclass under the Illinois Biometric Information Privacy Act.",
      subclassIfYes: "ILLINOIS",
      es: {
        label: "¿Vivía en Illinois cuando usó la aplicación durante el período del grupo?",
        help: "Los residentes de Illinois forman un subgrupo según la Ley de Privacidad de Información Biométrica de Illinois.",
      },
    },
    {
      id: "deviceUsed",
      kind: "text",
      label: "Which phone or tablet did you mostly use it on?",
      required: false,
      maxLength: 200,
      es: { label: "¿En qué teléfono o tableta la usó principalmente?" },
    },
  ],
  paymentOptions: [
    { value: "PAYPAL", label: "PayPal" },
    { value: "VENMO", label: "Venmo" },
    { value: "CHECK", label: "Paper check by mail" },
  ],
  attestation:
    "I declare under penalty of perjury under the laws of the United States that the information in this claim is true and " +
    "correct to the best of my knowledge, that I am the class member named (or their parent or legal guardian), and that I " +
    "have not filed another claim in this settlement.",
  es: {
    intro:
      "Si usó la aplicación TikTok (o su antecesora Musical.ly) en los Estados Unidos durante el período del grupo, puede " +
      "tener derecho a un pago del acuerdo en In re TikTok, Inc. Consumer Privacy Litigation (MDL 2948).",
    attestation:
      "Declaro bajo pena de perjurio según las leyes de los Estados Unidos que la información de este reclamo es verdadera y " +
      "correcta según mi leal saber y entender, que soy el miembro del grupo indicado (o su padre, madre o tutor legal) y que " +
      "no he presentado otro reclamo en este acuerdo.",
    paymentOptions: { PAYPAL: "PayPal", VENMO: "Venmo", CHECK: "Cheque en papel por correo" },
  },
});

type DemoClaim = {
  key: string;
  fullName: string;
  dateOfBirth: string;
  email: string;
  phone?: string;
  addressLine1: string;
  city: string;
  state: string;
  zip: string;
  illinois: boolean;
  status: "SUBMITTED" | "VERIFIED" | "DEFICIENT" | "APPROVED";
  userEmail?: string;
};

const DEMO_CLAIMS: DemoClaim[] = [
  { key: "demo-member1", fullName: "Casey Member", dateOfBirth: "1998-04-12", email: "member1@proofline.test", phone: "312-555-0142", addressLine1: "221 W Randolph St", city: "Chicago", state: "IL", zip: "60606", illinois: true, status: "VERIFIED", userEmail: "member1@proofline.test" },
  { key: "demo-2", fullName: "Riley Chen", dateOfBirth: "2001-09-30", email: "riley.chen@example.com", addressLine1: "88 King St", city: "San Francisco", state: "CA", zip: "94107", illinois: false, status: "SUBMITTED" },
  { key: "demo-3", fullName: "Morgan Diaz", dateOfBirth: "1995-01-05", email: "morgan.diaz@example.net", phone: "(217) 555-0199", addressLine1: "14 Elm Street", city: "Springfield", state: "IL", zip: "62701", illinois: true, status: "SUBMITTED" },
  // The same person again with a Gmail variation and a near-identical name: a duplicate to catch.
  { key: "demo-4", fullName: "Morgon Diaz", dateOfBirth: "1995-01-05", email: "morgan.diaz@mailinator.com", phone: "217-555-0199", addressLine1: "14 Elm St", city: "Springfield", state: "IL", zip: "62701", illinois: true, status: "SUBMITTED" },
];

export async function seedClaims(db: PrismaClient, matterId: string): Promise<void> {
  await db.matter.update({
    where: { id: matterId },
    data: {
      claimForm: HONG_CLAIM_FORM,
      classPeriodStart: new Date(`${HONG_CLAIM_FORM.classPeriod.start}T00:00:00Z`),
      classPeriodEnd: new Date(`${HONG_CLAIM_FORM.classPeriod.end}T00:00:00Z`),
      claimDeadline: new Date(`${HONG_CLAIM_FORM.claimDeadline}T00:00:00Z`),
    },
  });
  let created = 0;
  for (const c of DEMO_CLAIMS) {
    const exists = await db.claim.findUnique({ where: { matterId_idempotencyKey: { matterId, idempotencyKey: c.key } }, select: { id: true } });
    if (exists) continue;
    const user = c.userEmail ? await db.user.findUnique({ where: { email: c.userEmail }, select: { id: true } }) : null;
    await db.$transaction(async (tx) => {
      const claimant = await tx.claimant.create({
        data: {
          id: uuidv7(),
          matterId,
          userId: user?.id ?? null,
          fullName: c.fullName,
          dateOfBirth: new Date(`${c.dateOfBirth}T00:00:00Z`),
          email: c.email,
          emailNormalized: normalizeEmail(c.email),
          phone: c.phone ?? null,
          phoneNormalized: normalizePhone(c.phone),
          addressLine1: c.addressLine1,
          city: c.city,
          state: c.state,
          zip: c.zip,
          addressNormalized: normalizeAddress(c),
        },
      });
      const claim = await tx.claim.create({
        data: {
          matterId,
          number: generateClaimNumber(),
          claimantId: claimant.id,
          status: c.status,
          answers: { usedInUs: "yes", illinoisResident: c.illinois ? "yes" : "no" },
          subclass: c.illinois ? "ILLINOIS" : null,
          paymentPreference: "PAYPAL",
          attestationText: HONG_CLAIM_FORM.attestation,
          attestationName: c.fullName,
          attestedAt: new Date(),
          attestationIp: "198.51.100.7",
          ipPrefix: "198.51.100",
          idempotencyKey: c.key,
          verifiedAt: c.status === "VERIFIED" ? new Date() : null,
        },
      });
      await tx.claimEvent.create({ data: { claimId: claim.id, type: "SUBMITTED", toStatus: "SUBMITTED", details: { source: "demo seed" } } });
      if (c.status === "VERIFIED") {
        await tx.claimEvent.create({ data: { claimId: claim.id, type: "VERIFIED", fromStatus: "SUBMITTED", toStatus: "VERIFIED", note: "Email confirmed through the verification link." } });
      }
      await tx.auditEvent.create({
        data: { matterId, entityId: claim.id, ...seedAudit("claim.submit", { number: claim.number, fraudScore: claim.fraudScore, signals: [], subclass: claim.subclass, source: "demo seed" }) },
      });
    });
    created++;
  }
  // Seeded claims skip submission's signal lookups, so score them as the re-score job does: the
  // near twins ("Morgan"/"Morgon Diaz") must show their signals the first time anyone opens them.
  if (created > 0) {
    await db.$transaction(async (tx) => {
      const result = await rescoreInTransaction(tx, matterId, null);
      await tx.auditEvent.create({ data: { matterId, entityId: matterId, ...seedAudit("claim.rescore", { ...result, ms: 0 }) } });
    });
  }
}
