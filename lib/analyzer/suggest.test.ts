import { describe, expect, it } from "vitest";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { curatedKnowledgeBase } from "@/lib/analyzer/kb/knowledge-base";
import { maskValue, matchTransfer, pinCiteFor } from "@/lib/analyzer/suggest";

const kb = curatedKnowledgeBase();
const organisationOf = (d: string) => kb.organisationOf(d);
const det = (over: Partial<Detection>): Detection => ({ entryIndex: 4, part: "body", path: "$.imei", matched: "861234567890127", ruleId: "imei.field", category: "IMEI", mode: "pattern", ...over });
const obs = (over: object = {}) => ({
  registrableDomain: "umeng.com",
  startedAt: new Date("2019-04-03T02:15:00Z"),
  dataCategories: ["IMEI" as const],
  detections: [det({}), det({ ruleId: "known.imei.plain", mode: "known" }), det({ category: "PRECISE_LOCATION", ruleId: "location.latitude-field", path: "$.lat" })],
  ...over,
});
const claim = (over: object = {}) => ({ destinationHost: "umeng.com", dataCategories: ["DEVICE_IDENTIFIERS" as const], observedFrom: null, observedTo: null, ...over });

describe("suggestion matching", () => {
  it("matches on the registrable domain and picks the known-value detection", () => {
    const match = matchTransfer(claim({ destinationHost: "alog.umeng.com" }), obs(), organisationOf);
    expect(match?.detection.ruleId).toBe("known.imei.plain");
    expect(match?.overlap).toEqual(["DEVICE_IDENTIFIERS"]);
  });

  it("matches another domain of the same KB organisation, not an unrelated one", () => {
    expect(matchTransfer(claim(), obs({ registrableDomain: "umeng.co" }), organisationOf)).not.toBeNull();
    expect(matchTransfer(claim(), obs({ registrableDomain: "appsflyer.com" }), organisationOf)).toBeNull();
  });

  it("respects the allegation's period, including the whole last day", () => {
    expect(matchTransfer(claim({ observedFrom: new Date("2019-04-01"), observedTo: new Date("2019-04-03") }), obs(), organisationOf)).not.toBeNull();
    expect(matchTransfer(claim({ observedTo: new Date("2019-04-02") }), obs(), organisationOf)).toBeNull();
    expect(matchTransfer(claim({ observedFrom: new Date("2019-04-04") }), obs(), organisationOf)).toBeNull();
  });

  it("needs a category the allegation names (through the one mapping table)", () => {
    expect(matchTransfer(claim({ dataCategories: ["LOCATION"] }), obs(), organisationOf)?.detection.ruleId).toBe("location.latitude-field");
    expect(matchTransfer(claim({ dataCategories: ["CONTACTS"] }), obs(), organisationOf)).toBeNull();
    expect(matchTransfer(claim({ dataCategories: [] }), obs({ detections: [] }), organisationOf)).toBeNull();
  });

  it("cites exhibit, entry and path; masks values", () => {
    expect(pinCiteFor("PX-0007", det({}))).toBe("PX-0007, entry 4, request body $.imei");
    expect(maskValue("861234567890127")).toBe("861•••••••••127");
    expect(maskValue("abc")).toBe("•••");
  });
});
