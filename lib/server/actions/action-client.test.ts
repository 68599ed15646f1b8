import { describe, expect, it } from "vitest";
import { IDLE } from "@/lib/action-state";
import { accountAction, matterAction, publicAction } from "@/lib/server/actions/action-client";
import { gateOf } from "@/lib/server/http/gate-marker";

// The action client's refusals that need no session: a payload that is not a form (the review
// sent malformed server-action payloads that answered 500) is refused before anything runs.
describe("action client", () => {
  it("refuses a payload that is not a form without running the use case", async () => {
    let ran = false;
    const action = matterAction("exhibits.edit", async () => {
      ran = true;
    });
    const answers = await Promise.all([
      action("00000000-0000-4000-8000-000000000000", IDLE, {} as unknown as FormData),
      action("00000000-0000-4000-8000-000000000000", IDLE, "x=1" as unknown as FormData),
      (action as unknown as (...a: unknown[]) => Promise<unknown>)(),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ status: "error", message: expect.stringMatching(/could not be read/) });
    expect(ran).toBe(false);
  });

  it("marks what it builds with its kind and permission, for the entry-point inventory", () => {
    expect(gateOf(matterAction("claims.decide", async () => {}))).toEqual({ kind: "matter-action", permission: "claims.decide" });
    expect(gateOf(accountAction("admin.users", async () => {}))).toEqual({ kind: "account-action", permission: "admin.users" });
    expect(gateOf(publicAction(() => [], async () => {}))).toEqual({ kind: "public-action" });
    expect(gateOf(async () => {})).toBeUndefined();
  });
});
