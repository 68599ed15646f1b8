// The demo matter's settlement website: sample dates and texts in English and Spanish, clearly
// labelled as demo. Idempotent and never over what staff have since written or set.
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { TSettlementSiteContent } from "../lib/schemas/settlement-site";

const DEMO_NOTE_EN = "Demo settlement. This website is sample data for demonstrating Proofline; its dates and texts are not those of any real settlement.";
const DEMO_NOTE_ES = "Acuerdo de demostración. Este sitio web contiene datos de muestra para demostrar Proofline; sus fechas y textos no son los de ningún acuerdo real.";

export const HONG_SITE: TSettlementSiteContent = {
  en: {
    faq: [
      DEMO_NOTE_EN,
      "What is this case about?\nHong v. ByteDance Inc. (N.D. Cal. 5:19-cv-07792), filed November 27, 2019 and later part of MDL 2948, In re TikTok, Inc. Consumer Privacy Litigation, alleged that the TikTok app sent users' data to servers in China.",
      "Who is a class member?\nOn this demo website: people who used the TikTok or Musical.ly app in the United States between January 1, 2014 and September 30, 2021, the class period the claim form asks about.",
      "How do I file a claim?\nUse the “File a claim” button on the home page before the claim deadline. You will get an email to confirm your address and can follow your claim from it.",
      "What if I do not want to be part of the settlement?\nYou can exclude yourself (opt out) or object by the deadlines on the home page.",
    ].join("\n\n"),
    notice: [
      DEMO_NOTE_EN,
      "A court authorized this notice. This is not a solicitation from a lawyer.",
      "Your legal rights are affected whether you act or not. Read this notice carefully. The key dates are on the home page of this website; each deadline ends at 11:59 p.m. Pacific time on the day shown.",
    ].join("\n\n"),
    contact: [DEMO_NOTE_EN, "Settlement administrator (demo): admin@settlement.example\nPlease include your claim number if you have one."].join("\n\n"),
  },
  es: {
    faq: [
      DEMO_NOTE_ES,
      "¿De qué trata este caso?\nHong v. ByteDance Inc. (N.D. Cal. 5:19-cv-07792), presentado el 27 de noviembre de 2019 y luego parte del MDL 2948, In re TikTok, Inc. Consumer Privacy Litigation, alegó que la aplicación TikTok enviaba datos de los usuarios a servidores en China.",
      "¿Quién es miembro del grupo?\nEn este sitio de demostración: las personas que usaron la aplicación TikTok o Musical.ly en los Estados Unidos entre el 1 de enero de 2014 y el 30 de septiembre de 2021, el período del grupo sobre el que pregunta el formulario de reclamo.",
      "¿Cómo presento un reclamo?\nUse el botón «Presentar un reclamo» de la página de inicio antes del plazo. Recibirá un correo electrónico para confirmar su dirección y podrá seguir su reclamo desde él.",
      "¿Y si no quiero formar parte del acuerdo?\nPuede excluirse (opt out) u objetar antes de los plazos indicados en la página de inicio.",
    ].join("\n\n"),
    notice: [
      DEMO_NOTE_ES,
      "Un tribunal autorizó este aviso. No es una solicitud de un abogado.",
      "Sus derechos legales se ven afectados tanto si actúa como si no. Lea este aviso con atención. Las fechas clave están en la página de inicio de este sitio; cada plazo vence a las 11:59 p. m., hora del Pacífico, del día indicado.",
    ].join("\n\n"),
    contact: [DEMO_NOTE_ES, "Administrador del acuerdo (demostración): admin@settlement.example\nIncluya su número de reclamo si lo tiene."].join("\n\n"),
  },
};

export async function seedSettlementSite(db: PrismaClient, matterId: string): Promise<void> {
  const m = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { settlementSite: true, optOutDeadline: true, objectionDeadline: true, finalApprovalHearingAt: true } });
  await db.matter.update({
    where: { id: matterId },
    data: {
      ...(m.settlementSite === null && { settlementSite: HONG_SITE }),
      // Sample dates, far in the future like the demo claim deadline (2099-03-01).
      ...(m.optOutDeadline === null && { optOutDeadline: new Date("2099-02-01T00:00:00Z") }),
      ...(m.objectionDeadline === null && { objectionDeadline: new Date("2099-02-01T00:00:00Z") }),
      // 10:00 a.m. Pacific (PDT, UTC-7) on April 15, 2099.
      ...(m.finalApprovalHearingAt === null && { finalApprovalHearingAt: new Date("2099-04-15T17:00:00Z") }),
    },
  });
}
