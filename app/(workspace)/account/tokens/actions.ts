"use server";

import { revalidatePath } from "next/cache";
import { accountAction, done } from "@/lib/server/actions/action-client";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { createAnyServiceToken } from "@/lib/server/api-tokens/create-any-service-token";
import { revokeAnyServiceToken } from "@/lib/server/api-tokens/revoke-any-service-token";
import type { TCreateApiToken } from "@/lib/schemas/api-token";

// The token is in this answer only; the list below it is refreshed without it.
export const createApiTokenAction = accountAction("account.tokens", async ({ actor, input }) => {
  const { token } = await createApiToken(actor, input as TCreateApiToken);
  revalidatePath("/account/tokens");
  return { status: "success", message: "Token created. Copy it now: it will not be shown again.", reveal: [token] };
});

export const revokeApiTokenAction = accountAction("account.tokens", async ({ actor, input }) => {
  await revokeApiToken(actor, input);
  revalidatePath("/account/tokens");
  return done("Token revoked. Requests with it are refused from now on.");
});

// Administrators: a claim-feed token for any matter (they are on no team).
export const createAnyServiceTokenAction = accountAction("admin.service-tokens", async ({ actor, input }) => {
  const { token } = await createAnyServiceToken(actor, input);
  revalidatePath("/account/tokens");
  return { status: "success", message: "Claim-feed token created. Copy it now: it will not be shown again.", reveal: [token] };
});

export const revokeAnyServiceTokenAction = accountAction("admin.service-tokens", async ({ actor, input }) => {
  await revokeAnyServiceToken(actor, input);
  revalidatePath("/account/tokens");
  return done("Token revoked. Claims sent with it are refused from now on.");
});
