import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { getPlaintiff } from "@/lib/server/plaintiffs/get-plaintiff";
import { listPlaintiffs } from "@/lib/server/plaintiffs/list-plaintiffs";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";
import { canReadMatter, requirePermission } from "@/lib/server/auth/policy";
import type { Actor } from "@/lib/server/auth/actor";
import { makeMatterWithTeam, validPlaintiffInput } from "@/lib/server/testing/fixtures";

type Team = Awaited<ReturnType<typeof makeMatterWithTeam>>;
type Who = "attorney" | "paralegal" | "outsider" | "admin" | "member";

// Every role against every plaintiff use case: members read and write, everyone else sees nothing.
const EXPECTED: Record<Who, "allowed" | "NOT_FOUND"> = {
  attorney: "allowed",
  paralegal: "allowed",
  outsider: "NOT_FOUND",
  admin: "NOT_FOUND",
  member: "NOT_FOUND",
};

const USE_CASES: Record<string, (actor: Actor, team: Team, plaintiffId: string) => Promise<unknown>> = {
  listPlaintiffs: (a, t) => listPlaintiffs(a, t.matter.id),
  getPlaintiff: (a, t, id) => getPlaintiff(a, t.matter.id, id),
  createPlaintiff: (a, t) => createPlaintiff(a, t.matter.id, validPlaintiffInput()),
  updatePlaintiff: async (a, t, id) => {
    const current = await getPlaintiff(t.attorney, t.matter.id, id);
    const { submissionKey: _unused, ...fields } = validPlaintiffInput({ notes: `edited by ${a.name}` });
    return updatePlaintiff(a, t.matter.id, id, { ...fields, expectedUpdatedAt: current.updatedAt.toISOString() });
  },
};

describe("policy × plaintiff use cases", () => {
  for (const [name, call] of Object.entries(USE_CASES)) {
    for (const who of Object.keys(EXPECTED) as Who[]) {
      it(`${name} as ${who}: ${EXPECTED[who]}`, async () => {
        const team = await makeMatterWithTeam();
        const p = await createPlaintiff(team.attorney, team.matter.id, validPlaintiffInput());
        const outcome = await call(team[who], team, p.id).then(
          () => "allowed",
          (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${String(e)}`),
        );
        expect(outcome).toBe(EXPECTED[who]);
      });
    }
  }
});

describe("policy helpers", () => {
  it("canReadMatter is true only for members", async () => {
    const t = await makeMatterWithTeam();
    expect(await canReadMatter(t.attorney, t.matter.id)).toBe(true);
    expect(await canReadMatter(t.paralegal, t.matter.id)).toBe(true);
    expect(await canReadMatter(t.outsider, t.matter.id)).toBe(false);
    expect(await canReadMatter(t.member, t.matter.id)).toBe(false);
    expect(await canReadMatter(t.attorney, "not-a-uuid")).toBe(false);
  });

  it("requirePermission: 403 for a member without the role, 404 for a non-member", async () => {
    const t = await makeMatterWithTeam();
    await expect(requirePermission(t.attorney, t.matter.id, "claims.decide")).resolves.toMatchObject({ role: "ATTORNEY" });
    await expect(requirePermission(t.paralegal, t.matter.id, "claims.decide")).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(requirePermission(t.outsider, t.matter.id, "claims.decide")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });
});
