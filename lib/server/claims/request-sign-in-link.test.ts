import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { claimIntake } from "@/lib/server/claims/claim-intake";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { requestSignInLink } from "@/lib/server/claims/request-sign-in-link";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { appUrl, env } from "@/lib/server/env";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { latestMail } from "@/scripts/lib/mailbox";

const forged = (extra: Record<string, string> = {}) => {
  const h = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example", ...extra });
  return { get: (name: string) => h.get(name) };
};

describe("mailed links come from APP_URL only", () => {
  // Tests run without APP_URL, as a developer's machine does: links then name this machine, and
  // still never the host a request claims to be for.
  it("without APP_URL, links name this machine", () => {
    expect(appUrl).toBe(`http://localhost:${process.env.PORT ?? 3000}`);
  });

  it("a claim sent with a forged Host and X-Forwarded-Host is mailed a link to APP_URL", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput();
    const answer = await claimIntake(matter.slug, JSON.stringify(input), forged({ "x-forwarded-for": "203.0.113.77", "content-type": "application/json" }));
    expect(answer.status).toBe(201);
    const mail = await latestMail(env.MAIL_SINK_DIR, input.email, "Confirm your email");
    expect(mail.text).not.toContain("evil.example");
    expect(mail.text).toMatch(/^\S+\/claim\/verify\?token=[\w-]{43}$/m);
    expect(mail.text).toContain(`\n${appUrl}/claim/verify?token=`);
  });

  it("a sign-in link asked for by a signed-out visitor goes to APP_URL, and works once", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput();
    await submitClaim(matter.slug, input, { ip: null });
    const first = await latestMail(env.MAIL_SINK_DIR, input.email, "Confirm your email");

    await requestSignInLink({ email: input.email.toUpperCase() });
    const mail = await latestMail(env.MAIL_SINK_DIR, input.email, "Your sign-in link", { after: first.file });
    const link = /^\S+\/claim\/verify\?token=([\w-]+)$/m.exec(mail.text)!;
    expect(link[0].startsWith(`${appUrl}/claim/verify?token=`)).toBe(true);
    // The outbox keeps the message without the token, so neither the table nor an admin can use it.
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { to: input.email, ref: "sign-in" } });
    expect(stored.text).toContain(`${appUrl}/claim/verify?token=[redacted]`);
    expect(stored.text).not.toContain(link[1]);
    expect(stored.sentAt).not.toBeNull();
    expect(await redeemSignInToken(link[1]!, null)).toMatchObject({ email: input.email });
    expect(await redeemSignInToken(link[1]!, null)).toBeNull();
  });

  it("an address with no claim gets no mail and the same answer", async () => {
    const email = `nobody.${Date.now()}@example.org`;
    await expect(requestSignInLink({ email })).resolves.toBeUndefined();
    await expect(latestMail(env.MAIL_SINK_DIR, email, "", { timeoutMs: 300 })).rejects.toThrow(/no mail/);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(0);
  });
});
