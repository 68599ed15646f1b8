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

  // Bound arguments (ids, slugs, claim numbers) come back from the browser: fuzzing sent a claim
  // number as a list and left it out, and the use cases failed on them (caught as "something
  // went wrong", a 500 in all but status).
  it("refuses bound arguments of the wrong type or number without running the use case", async () => {
    let ran = 0;
    const form = new FormData();
    const withdraw = accountAction("claims.own", async (_ctx, number: string) => {
      ran++;
      return number as never;
    }) as unknown as (...a: unknown[]) => Promise<unknown>;
    const edit = matterAction("exhibits.edit", async (_ctx, _matterId, exhibitId: string) => {
      ran++;
      return exhibitId as never;
    }) as unknown as (...a: unknown[]) => Promise<unknown>;
    const answers = await Promise.all([
      withdraw(["HONG-1"], IDLE, form),
      withdraw(IDLE, form),
      withdraw("HONG-1", "extra", IDLE, form),
      withdraw({ toUpperCase: 1 }, IDLE, form),
      edit("00000000-0000-4000-8000-000000000000", IDLE, form),
      edit(["00000000-0000-4000-8000-000000000000"], "x", IDLE, form),
      edit("00000000-0000-4000-8000-000000000000", 7, IDLE, form),
      edit(undefined, undefined, IDLE, form),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ status: "error", message: expect.stringMatching(/could not be read/) });
    expect(ran).toBe(0);
  });

  it("marks what it builds with its kind and permission, for the entry-point inventory", () => {
    expect(gateOf(matterAction("claims.decide", async () => {}))).toEqual({ kind: "matter-action", permission: "claims.decide" });
    expect(gateOf(accountAction("admin.users", async () => {}))).toEqual({ kind: "account-action", permission: "admin.users" });
    expect(gateOf(publicAction(() => [], async () => {}))).toEqual({ kind: "public-action" });
    expect(gateOf(async () => {})).toBeUndefined();
  });
});
