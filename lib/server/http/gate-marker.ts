// Every server action and route handler is built by the action client or the route wrapper,
// which mark what they built. The entry-point inventory test (lib/server/http/entry-points.test.ts)
// imports every actions.ts and route.ts and fails on an export without the mark: a new entry
// point cannot skip the gate unnoticed.
export const GATE = Symbol.for("proofline.gate");

export type GateInfo = {
  kind: "matter-action" | "account-action" | "member-action" | "signed-in-action" | "public-action" | "session-route" | "public-route" | "auth-library-route";
  // The permission from lib/permissions.ts the entry point checks before its use case runs.
  permission?: string;
};

export function markGated<F extends (...args: never[]) => unknown>(fn: F, info: GateInfo): F {
  Object.defineProperty(fn, GATE, { value: info, enumerable: false });
  return fn;
}

export function gateOf(value: unknown): GateInfo | undefined {
  return typeof value === "function" ? (value as unknown as Record<symbol, GateInfo | undefined>)[GATE] : undefined;
}
