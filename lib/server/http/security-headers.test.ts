import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, servedOverHttps } from "@/lib/server/http/security-headers";

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] });

describe("the page policy", () => {
  it("lets scripts run only with the request's nonce, and eval only in development", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc123==", dev: false });
    expect(policy).toMatch(/(^|; )script-src 'self' 'nonce-abc123=='(;|$)/);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "worker-src 'self' blob:", "img-src 'self' data: blob:"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy({ nonce: "abc123==", dev: true })).toContain("script-src 'self' 'nonce-abc123==' 'unsafe-eval'");
  });
});

describe("HSTS", () => {
  it("is sent when the public origin is https or a trusted proxy says the browser used https", () => {
    expect(servedOverHttps(headers({}), { appUrl: "https://claims.example.com", trustedProxyHops: 0 })).toBe(true);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "https" }), { trustedProxyHops: 1 })).toBe(true);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "https, http" }), { appUrl: "http://localhost:3000", trustedProxyHops: 2 })).toBe(true);
  });

  it("is not sent over plain http, nor on a client's word with no proxy in front", () => {
    expect(servedOverHttps(headers({}), { trustedProxyHops: 0 })).toBe(false);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "https" }), { trustedProxyHops: 0 })).toBe(false);
    expect(servedOverHttps(headers({ "x-forwarded-proto": "http" }), { appUrl: "http://localhost:3000", trustedProxyHops: 1 })).toBe(false);
  });
});
