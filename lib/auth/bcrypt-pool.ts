// bcrypt off the event loop. bcryptjs is pure JavaScript: at cost 12 one hash takes ~350 ms of
// CPU, and on the main thread a burst of sign-ins stalls every other request (measured: /api/health
// p99 ≈ 7 s under 16 concurrent sign-ins). A few worker threads run it instead, with a bounded queue
// so that a flood is answered "busy" rather than growing memory without limit.
import "server-only";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptPath);
parentPort.on("message", ({ id, op, a, b }) => {
  try {
    parentPort.postMessage({ id, result: op === "hash" ? bcrypt.hashSync(a, b) : bcrypt.compareSync(a, b) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

const MAX_QUEUE = 256;

type Task = {
  id: number;
  op: "hash" | "compare";
  a: string;
  b: string | number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
};

class BcryptPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private nextId = 1;

  constructor(size: number) {
    // Resolved at run time from the app's own node_modules (the bundler must not rewrite it).
    const bcryptPath = createRequire(path.join(process.cwd(), "package.json")).resolve("bcryptjs");
    for (let i = 0; i < size; i++) this.spawn(bcryptPath);
  }

  private spawn(bcryptPath: string) {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    worker.unref();
    worker.on("message", (msg: { id: number; result?: unknown; error?: string }) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      if (task && task.id === msg.id) {
        if (msg.error) task.reject(new Error(msg.error));
        else task.resolve(msg.result);
      }
      this.idle.push(worker);
      this.pump();
    });
    worker.on("error", (error) => {
      this.running.get(worker)?.reject(error instanceof Error ? error : new Error(String(error)));
      this.running.delete(worker);
      this.spawn(bcryptPath);
    });
    this.idle.push(worker);
  }

  private pump() {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, op: task.op, a: task.a, b: task.b });
    }
  }

  async stop(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  run<T>(op: "hash" | "compare", a: string, b: string | number): Promise<T> {
    if (this.queue.length >= MAX_QUEUE) {
      return Promise.reject(new AppError("server_busy", 503, "The server is busy right now. Try again in a moment."));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, op, a, b, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }
}

const g = globalThis as unknown as { opsdeckBcryptPool?: BcryptPool };

function pool(): BcryptPool {
  // One core stays free for the event loop (answering everything else).
  g.opsdeckBcryptPool ??= new BcryptPool(Math.max(1, os.availableParallelism() - 1));
  return g.opsdeckBcryptPool;
}

export function bcryptHash(value: string, cost: number): Promise<string> {
  return pool().run<string>("hash", value, cost);
}

export function bcryptCompare(value: string, hash: string): Promise<boolean> {
  return pool().run<boolean>("compare", value, hash);
}

/** Ends the worker threads (for scripts and test setup that hash a few passwords and move on). */
export async function stopBcryptPool(): Promise<void> {
  const current = g.opsdeckBcryptPool;
  g.opsdeckBcryptPool = undefined;
  await current?.stop();
}
