import "server-only";
import { isIP } from "node:net";

// The client's address, as far as it can be trusted. X-Forwarded-For is written by whoever
// sends the request, so only the entries appended by our own proxies count: with N trusted hops
// in front of the web server, the client is the address the outermost of them saw — the Nth
// entry from the right of [...X-Forwarded-For, socket address]. With no trusted hop it is the
// socket's own peer, and a client-sent header is ignored (otherwise a bot would pick a new "IP"
// per request and walk past every per-IP limit).
export function clientIp(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    ...(socketAddress ? [socketAddress] : []),
  ];
  const candidate = chain[chain.length - 1 - trustedHops] ?? chain[0];
  if (!candidate) return null;
  const address = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : null;
}
