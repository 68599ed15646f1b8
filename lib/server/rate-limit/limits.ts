import "server-only";
import type { Limit } from "@/lib/server/rate-limit/rate-limit";

// Per-IP limits are generous (households and offices share an address); per-email ones are tight.
export const claimSubmitLimits = (ip: string, email: string | undefined): Limit[] => [
  { key: `claim-submit:ip:${ip}`, max: 30, windowSeconds: 3600 },
  ...(email ? [{ key: `claim-submit:email:${email}`, max: 5, windowSeconds: 3600 }] : []),
];
// A notice administrator's feed sends from one address: limited per token, still per claimant.
export const claimFeedLimits = (tokenId: string, email: string | undefined): Limit[] => [
  { key: `claim-feed:token:${tokenId}`, max: 20_000, windowSeconds: 3600 },
  ...(email ? [{ key: `claim-submit:email:${email}`, max: 5, windowSeconds: 3600 }] : []),
];
export const verifyLimits = (ip: string): Limit[] => [{ key: `verify:ip:${ip}`, max: 30, windowSeconds: 900 }];
export const signInLinkLimits = (ip: string, email: string): Limit[] => [
  { key: `sign-in-link:ip:${ip}`, max: 20, windowSeconds: 900 },
  { key: `sign-in-link:email:${email}`, max: 3, windowSeconds: 900 },
];
// Failed sign-ins only (a success gives its count back): tight per account so a password cannot
// be guessed, looser per address so one address cannot try password after password across accounts.
export const signInLimits = (ip: string, email: string): Limit[] => [
  { key: `sign-in:email:${email}`, max: 10, windowSeconds: 900 },
  { key: `sign-in:ip:${ip}`, max: 50, windowSeconds: 900 },
];
export const signInLinkRedeemLimits = (ip: string): Limit[] => [{ key: `sign-in-link-redeem:ip:${ip}`, max: 30, windowSeconds: 900 }];
// A notice's prefill link reveals a name and address when its code is right: a household gets
// a few dozen tries an hour, and any one notice ID ten, whoever asks.
export const noticePrefillLimits = (ip: string, matterId: string, noticeId: string): Limit[] => [
  { key: `notice-prefill:ip:${ip}`, max: 30, windowSeconds: 3600 },
  { key: `notice-prefill:notice:${matterId}:${noticeId.toUpperCase()}`, max: 10, windowSeconds: 3600 },
];
// A second factor is 6 digits: a few wrong codes per account per window (a right one gives its
// count back), so guessing a code takes years, not minutes.
export const twoFactorLimits = (ip: string, userId: string): Limit[] => [
  { key: `two-factor:user:${userId}`, max: 5, windowSeconds: 900 },
  { key: `two-factor:ip:${ip}`, max: 50, windowSeconds: 900 },
];
// Asking for a reset link mails someone: a few per address an hour, more per IP (offices).
export const passwordResetRequestLimits = (ip: string, email: string): Limit[] => [
  { key: `password-reset:ip:${ip}`, max: 20, windowSeconds: 900 },
  { key: `password-reset:email:${email}`, max: 3, windowSeconds: 3600 },
];
// Setting a new password with a link: tokens carry 256 bits, this only stops hammering.
export const passwordResetRedeemLimits = (ip: string): Limit[] => [{ key: `password-reset-redeem:ip:${ip}`, max: 30, windowSeconds: 900 }];
// The public opt-out and objection forms: like claim filing, per address and per e-mail.
export const settlementResponseLimits = (form: "opt-out" | "objection", ip: string, email: string | undefined): Limit[] => [
  { key: `${form}-submit:ip:${ip}`, max: 30, windowSeconds: 3600 },
  ...(email ? [{ key: `${form}-submit:email:${email}`, max: 5, windowSeconds: 3600 }] : []),
];

// Documents uploaded with a claim form before filing (up to 5 per claim), and forms saved to
// finish later (each save of a new form mails a link, so per e-mail they are tight).
export const claimUploadLimits = (ip: string): Limit[] => [{ key: `claim-upload:ip:${ip}`, max: 60, windowSeconds: 3600 }];
export const claimDraftLimits = (ip: string, email: string | undefined): Limit[] => [
  { key: `claim-draft:ip:${ip}`, max: 30, windowSeconds: 3600 },
  ...(email ? [{ key: `claim-draft:email:${email}`, max: 10, windowSeconds: 3600 }] : []),
];
