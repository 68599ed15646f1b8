// The production web server (scripts/web-server.ts, needs `next build`) as a child of a soak
// test: started with the test's own settings, stopped gracefully or killed with SIGKILL.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./postgres";

export type SoakServer = {
  base: string;
  pid: number;
  output: () => string;
  alive: () => boolean;
  // SIGTERM: the server finishes the requests under way, then exits.
  stop: () => Promise<void>;
  // kill -9: no handler runs, nothing is flushed.
  kill: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startSoakServer(port: number, env: Record<string, string>): Promise<SoakServer> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS"));
  // Node with tsx's loader in this very process (not a tsx wrapper that forwards signals), so
  // the SIGKILL below hits the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "scripts/web-server.ts")], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`the web server exited during start-up (is there a build? \`npm run build\`):\n${out}`);
    const up = await fetch(`${base}/api/auth/providers`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the web server did not answer within 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (!gone) child.kill(name);
    await exited;
  };
  return { base, pid: child.pid!, output: () => out, alive: () => !gone, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}
