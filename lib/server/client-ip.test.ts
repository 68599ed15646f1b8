import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/server/client-ip";

describe("clientIp", () => {
  it("ignores a client-sent X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIp("6.6.6.6", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientIp(undefined, "::ffff:198.51.100.4", 0)).toBe("198.51.100.4");
  });

  it("takes the address the outermost trusted proxy saw, not what the client claimed", () => {
    // client 198.51.100.9 claims 6.6.6.6; the load balancer (10.0.0.2) appended the real address.
    expect(clientIp("6.6.6.6, 198.51.100.9", "10.0.0.2", 1)).toBe("198.51.100.9");
    // two hops: CDN appended the client, the load balancer appended the CDN edge.
    expect(clientIp("6.6.6.6, 198.51.100.9, 192.0.2.50", "10.0.0.2", 2)).toBe("198.51.100.9");
    expect(clientIp(["198.51.100.9", "192.0.2.50"], "10.0.0.2", 2)).toBe("198.51.100.9");
  });

  it("falls back to the leftmost address when fewer hops are present than configured", () => {
    expect(clientIp(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("refuses what is not an IP address", () => {
    expect(clientIp("not-an-ip", "10.0.0.2", 1)).toBeNull();
    expect(clientIp(undefined, undefined, 0)).toBeNull();
    expect(clientIp("2001:db8::1", "10.0.0.2", 1)).toBe("2001:db8::1");
  });
});
