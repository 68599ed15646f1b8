import "server-only";
import { db } from "@/lib/server/db";

// A notice's ID and confirmation code (from the mailed letter's link) fill in the name and
// address; both must match, so the link cannot be used to read someone else's address.
export async function prefillFromNotice(matterId: string, noticeId: string | undefined, code: string | undefined): Promise<Record<string, string>> {
  if (!noticeId || !code || noticeId.length > 40 || code.length > 40) return {};
  const n = await db.noticeRecipient.findUnique({ where: { matterId_noticeId: { matterId, noticeId } } });
  if (!n || n.confirmationCode.toUpperCase() !== code.toUpperCase()) return {};
  return {
    noticeId: n.noticeId,
    confirmationCode: n.confirmationCode,
    fullName: n.fullName,
    addressLine1: n.addressLine1,
    addressLine2: n.addressLine2 ?? "",
    city: n.city,
    state: n.state,
    zip: n.zip,
  };
}
