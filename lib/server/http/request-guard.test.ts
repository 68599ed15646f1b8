import { describe, expect, it } from "vitest";
import { refuseCrossSite, refuseDeclaredOverLimit, refuseFormContentType, requireContentType } from "@/lib/server/http/request-guard";

const h = (entries: Record<string, string>) => new Headers(entries);
const code = (fn: () => void) => {
  try {
    fn();
    return "passed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("request guard", () => {
  it("refuses state-changing requests another site makes a browser send", () => {
    // What the security review sent: an exhibit upload and a claims import from evil.example.
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test", origin: "https://evil.example", "sec-fetch-site": "cross-site" })))).toBe("FORBIDDEN");
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test", origin: "https://evil.example" })))).toBe("FORBIDDEN");
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test", "sec-fetch-site": "same-site" })))).toBe("FORBIDDEN");
    expect(code(() => refuseCrossSite("DELETE", h({ host: "proofline.test", origin: "null" })))).toBe("FORBIDDEN");
  });

  it("lets our own pages, non-browser clients, Bearer tokens and reads through", () => {
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test", origin: "http://proofline.test", "sec-fetch-site": "same-origin" })))).toBe("passed");
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test" })))).toBe("passed");
    expect(code(() => refuseCrossSite("POST", h({ host: "proofline.test", origin: "https://evil.example", authorization: "Bearer abc" })))).toBe("passed");
    expect(code(() => refuseCrossSite("GET", h({ host: "proofline.test", origin: "https://evil.example", "sec-fetch-site": "cross-site" })))).toBe("passed");
  });

  it("refuses the body types an HTML form can send where a file or CSV is expected", () => {
    expect(code(() => requireContentType(h({ "content-type": "text/plain" }), ["text/csv"]))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(code(() => requireContentType(h({ "content-type": "text/csv; charset=utf-8" }), ["text/csv"]))).toBe("passed");
    expect(code(() => refuseFormContentType(h({ "content-type": "multipart/form-data; boundary=x" })))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(code(() => refuseFormContentType(h({ "content-type": "application/x-www-form-urlencoded" })))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(code(() => refuseFormContentType(h({ "content-type": "application/pdf" })))).toBe("passed");
  });

  it("refuses a declared length over the limit before reading", () => {
    expect(code(() => refuseDeclaredOverLimit(h({ "content-length": String(2 * 1024 ** 3) }), 1024, "The claim"))).toBe("PAYLOAD_TOO_LARGE");
    expect(code(() => refuseDeclaredOverLimit(h({ "content-length": "100" }), 1024, "The claim"))).toBe("passed");
  });
});
