import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

export const API_TOKEN_ACCESS = ["READ", "WRITE"] as const;
export const API_TOKEN_ACCESS_LABELS: Record<(typeof API_TOKEN_ACCESS)[number], string> = {
  READ: "Read only (GET requests)",
  WRITE: "Read and write",
};
export const MAX_TOKEN_DAYS = 366;

// A new personal access token: a name the owner recognises it by, the matters it may reach
// (checkboxes: one value, or several), read or write, and how long it lives.
export const ZCreateApiToken = z
  .object({
    name: ZText({ error: "Name the token" }).trim().min(1, "Name the token").max(80, "Keep the name under 80 characters"),
    access: z.enum(API_TOKEN_ACCESS, { error: "Choose read only or read and write" }),
    matterIds: z
      .union([z.uuid("Choose a matter from the list"), z.array(z.uuid("Choose a matter from the list"))], { error: "Choose at least one matter" })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .pipe(z.array(z.string()).min(1, "Choose at least one matter").max(100, "A token can reach at most 100 matters")),
    expiresInDays: z.coerce
      .number({ error: "Choose how long the token lives" })
      .int("Whole days only")
      .min(1, "At least one day")
      .max(MAX_TOKEN_DAYS, `At most ${MAX_TOKEN_DAYS} days`),
  })
  .strict();
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

// A claim-feed service token: files claims on one matter (the matter's attorneys make it on the
// matter's settings page; an administrator names the matter on the tokens page).
const serviceTokenFields = {
  name: ZCreateApiToken.shape.name,
  expiresInDays: ZCreateApiToken.shape.expiresInDays,
};
export const ZCreateServiceToken = z.object(serviceTokenFields).strict();
export const ZCreateAnyServiceToken = z.object({ ...serviceTokenFields, matterId: z.uuid("Choose a matter from the list") }).strict();

export const ZRevokeApiToken = z.object({ tokenId: z.uuid("Unknown token") }).strict();

// "pl_" + the token's id (32 hex) + "_" + 43 base64url characters of secret.
export const API_TOKEN_PATTERN = /^pl_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
