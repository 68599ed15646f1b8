import http from "node:http";

// A small HTTP client for the security specs: raw bodies and headers exactly as given (no
// normalising of names, bytes or lengths), a choice of source address on the loopback network
// (so per-IP rate limits see distinct clients and the fuzzing does not spend the budget of the
// specs that run after it), and a cap on how much of an answer is kept.

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
export type Call = {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
  // Loopback source address, e.g. 127.0.0.23 (anything in 127/8 reaches a server on 0.0.0.0/::).
  from?: string;
  timeoutMs?: number;
  // What the call is, for reports (not sent).
  note?: string;
};

const KEEP_BYTES = 512 * 1024;
const agents = new Map<string, http.Agent>();

function agentFor(from: string): http.Agent {
  let agent = agents.get(from);
  if (!agent) agents.set(from, (agent = new http.Agent({ keepAlive: true, maxSockets: 8 })));
  return agent;
}

export function baseUrl(): URL {
  return new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`);
}

export function send(call: Call): Promise<Answer> {
  const base = baseUrl();
  const from = call.from ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: call.method ?? "GET",
        path: call.path,
        headers: call.body === undefined ? call.headers : { "Content-Length": Buffer.byteLength(call.body), ...call.headers },
        localAddress: from,
        agent: agentFor(from),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (chunk: Buffer) => {
          if (kept < KEEP_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(call.timeoutMs ?? 30_000, () => req.destroy(new Error(`timed out: ${call.method ?? "GET"} ${call.path.slice(0, 120)}`)));
    req.on("error", reject);
    req.end(call.body);
  });
}

export function closeAgents() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

// Source addresses for a run of requests: a new one every `per` requests.
export function sourceAddress(index: number, per = 12): string {
  const n = Math.floor(index / per) % 240;
  return `127.0.${1 + Math.floor(n / 240)}.${10 + n}`;
}

// Cookie header from Set-Cookie answers, merged into a jar.
export function mergeCookies(jar: Map<string, string>, setCookie: string[] | undefined) {
  for (const line of setCookie ?? []) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

// Signs in through Auth.js's own endpoints (no browser): the CSRF token, then the password
// provider's callback. Answers the Cookie header of the session.
export async function signInOverHttp(email: string, password: string, from = "127.0.0.1"): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await send({ path: "/api/auth/csrf", from });
  mergeCookies(jar, csrf.headers["set-cookie"]);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString();
  const answer = await send({
    method: "POST",
    path: "/api/auth/callback/password",
    from,
    body: form,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
  });
  mergeCookies(jar, answer.headers["set-cookie"]);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`sign-in as ${email} failed: ${answer.status} ${answer.headers.location ?? ""}`);
  return cookieHeader(jar);
}
