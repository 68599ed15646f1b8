import "server-only";
import { Worker } from "node:worker_threads";

// SHA-256 of a large upload, computed on a worker thread from the shared staging buffer the disk
// writes read too: the request thread only receives and copies bytes, and hashing (as costly as
// receiving them) runs on another core instead of after each chunk.
//
// The worker's code is inline (eval) so the bundler has no second entry point to trace.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const jobs = new Map();
parentPort.on("message", ({ op, id, seq, memory, offset, length }) => {
  if (op === "drop") return void jobs.delete(id);
  const reply = { id, seq };
  try {
    if (op === "open") jobs.set(id, { memory, hash: createHash("sha256") });
    else if (op === "update") {
      const job = jobs.get(id);
      job.hash.update(new Uint8Array(job.memory, offset, length));
    } else if (op === "digest") {
      reply.hex = jobs.get(id).hash.digest("hex");
      jobs.delete(id);
    }
  } catch (error) {
    reply.error = String(error && error.message ? error.message : error);
  }
  parentPort.postMessage(reply);
});
`;

type Reply = { id: number; seq: number; hex?: string; error?: string };
type Waiter = { resolve: (hex: string | undefined) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
const waiters = new Map<string, Waiter>();
let nextId = 1;

function failAll(error: Error) {
  worker = null;
  for (const w of waiters.values()) w.reject(error);
  waiters.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, name: "blob-sha256" });
  w.on("message", (reply: Reply) => {
    const key = `${reply.id}:${reply.seq}`;
    const waiter = waiters.get(key);
    waiters.delete(key);
    if (waiters.size === 0) w.unref();
    if (reply.error) waiter?.reject(new Error(`hashing failed: ${reply.error}`));
    else waiter?.resolve(reply.hex);
  });
  w.on("error", (error) => failAll(error));
  w.on("exit", (code) => failAll(new Error(`hash worker exited with code ${code}`)));
  // Idle, it must not keep a script from exiting; while a hash is pending it holds the process.
  w.unref();
  worker = w;
  return w;
}

// One incremental SHA-256 over slices of `memory`, fed in order.
export class SharedHasher {
  private readonly id = nextId++;
  private seq = 0;
  private readonly worker = getWorker();

  constructor(memory: SharedArrayBuffer) {
    void this.send({ op: "open", memory });
  }

  // Resolves once the slice is hashed and may be overwritten.
  async update(offset: number, length: number): Promise<void> {
    await this.send({ op: "update", offset, length });
  }

  async digest(): Promise<string> {
    const hex = await this.send({ op: "digest" });
    if (!hex) throw new Error("hash worker sent no digest");
    return hex;
  }

  drop(): void {
    this.worker.postMessage({ op: "drop", id: this.id });
  }

  private send(message: { op: string; memory?: SharedArrayBuffer; offset?: number; length?: number }): Promise<string | undefined> {
    // A worker that died took this hash's state with it.
    if (this.worker !== worker) return Promise.reject(new Error("the hash worker stopped"));
    const seq = this.seq++;
    const answer = new Promise<string | undefined>((resolve, reject) => waiters.set(`${this.id}:${seq}`, { resolve, reject }));
    // An open that fails surfaces through the next update or digest, which then finds no job.
    answer.catch(() => undefined);
    this.worker.ref();
    this.worker.postMessage({ ...message, id: this.id, seq });
    return answer;
  }
}
