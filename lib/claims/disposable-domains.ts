// Throwaway-mailbox providers seen in claim floods. A short list on purpose: a hit is a signal for a
// reviewer, not a refusal, so precision matters more than reach.
export const DISPOSABLE_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "mailinator.com", "guerrillamail.com", "guerrillamail.net", "sharklasers.com", "10minutemail.com",
  "temp-mail.org", "tempmail.com", "tempmailo.com", "throwawaymail.com", "yopmail.com", "yopmail.net",
  "trashmail.com", "getnada.com", "dispostable.com", "maildrop.cc", "fakeinbox.com", "mailnesia.com",
  "mintemail.com", "mohmal.com", "emailondeck.com", "spamgourmet.com", "discard.email", "mailcatch.com",
  "moakt.com", "burnermail.io", "tempr.email", "trashmail.de", "33mail.com", "inboxkitten.com", "mytemp.email",
]);

export function isDisposableDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (DISPOSABLE_EMAIL_DOMAINS.has(d)) return true;
  const parent = d.split(".").slice(-2).join(".");
  return DISPOSABLE_EMAIL_DOMAINS.has(parent);
}
