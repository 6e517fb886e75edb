// The cluster primary of `npm start` (scripts/lib/cluster-primary.mjs), run for real in a child
// process with two tiny workers (test/fixtures/cluster-app.mjs): workers get indexes 0 and 1 and
// share the port; a relay message reaches the other worker; a worker that dies is replaced with the
// same index, and all of them when they die at once; SIGTERM stops everything with exit code 0;
// workers failing before they listen stop the server with their exit code; WEB_CONCURRENCY.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";

type Answer = { pid: number; index: number; heard: string[] };

const FIXTURE = "test/fixtures/cluster-app.mjs";
const children: ChildProcess[] = [];

function start(env: Record<string, string> = {}) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [FIXTURE], { env: { ...process.env, ...env, PORT: String(port) } });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("ready") && resolve());
    void exited.then(() => reject(new Error(`exited before ready: ${output}`)));
  });
  return { port, child, ready, exited, output: () => output };
}

/** GET on a connection of its own, so consecutive calls go to the workers in turn. */
function get(port: number, path = "/"): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false, timeout: 2_000 }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      })
      .on("timeout", function (this: http.ClientRequest) {
        this.destroy(new Error("no answer"));
      })
      .on("error", reject);
  });
}

const answer = async (port: number, path = "/") => JSON.parse(await get(port, path)) as Answer;

async function bothWorkers(port: number): Promise<Map<number, Answer>> {
  const byIndex = new Map<number, Answer>();
  for (let i = 0; i < 20 && byIndex.size < 2; i++) {
    const a = await answer(port);
    byIndex.set(a.index, a);
  }
  return byIndex;
}

async function eventually<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the cluster primary", () => {
  it("runs two workers on one port, relays between them, replaces a dead one, and stops on SIGTERM", async () => {
    const app = start();
    await app.ready;
    const workers = await bothWorkers(app.port);
    expect([...workers.keys()].sort()).toEqual([0, 1]);
    expect(workers.get(0)!.pid).not.toBe(workers.get(1)!.pid);

    // A relay message from one worker reaches the other (and not its sender).
    const sender = await answer(app.port, "/relay");
    const heardBy = await eventually(async () => {
      const other = [...(await bothWorkers(app.port)).values()].find((w) => w.pid !== sender.pid);
      return other?.heard.includes(`from ${sender.pid}`) ? other : undefined;
    });
    expect(heardBy.index).toBe(1 - sender.index);
    expect((await bothWorkers(app.port)).get(sender.index)!.heard).toEqual([]);

    // A worker that dies is replaced by a new process with the same index.
    const crashed = await answer(app.port, "/crash");
    const replacement = await eventually(async () => {
      const now = (await bothWorkers(app.port)).get(crashed.index);
      return now && now.pid !== crashed.pid ? now : undefined;
    });
    expect(replacement.index).toBe(crashed.index);
    expect(app.output()).toMatch(new RegExp(`worker ${crashed.index} exited`));

    // Every worker dead at once: the primary stays up and starts them all again.
    const before = await bothWorkers(app.port);
    await get(app.port, "/crash-all");
    const after = await eventually(async () => {
      const now = await bothWorkers(app.port);
      const fresh = [0, 1].every((i) => now.get(i) && now.get(i)!.pid !== before.get(i)!.pid);
      return fresh ? now : undefined;
    });
    expect([...after.keys()].sort()).toEqual([0, 1]);
    expect(app.child.exitCode).toBeNull();

    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  }, 30_000);

  it("takes WEB_CONCURRENCY as lib/env.ts does, and refuses what it would refuse", async () => {
    const { workerCount } = await import("./cluster-primary.mjs");
    const saved = process.env.WEB_CONCURRENCY;
    try {
      process.env.WEB_CONCURRENCY = "3";
      expect(workerCount()).toBe(3);
      for (const bad of ["0", "abc", "65", "1.5"]) {
        process.env.WEB_CONCURRENCY = bad;
        expect(() => workerCount()).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64/);
      }
      delete process.env.WEB_CONCURRENCY;
      expect(workerCount()).toBeGreaterThanOrEqual(1);
      expect(workerCount()).toBeLessThanOrEqual(4);
    } finally {
      if (saved === undefined) delete process.env.WEB_CONCURRENCY;
      else process.env.WEB_CONCURRENCY = saved;
    }
  });

  it("stops with the workers' exit code when they fail before listening", async () => {
    const app = start({ FAIL_AT_START: "1" });
    await expect(app.ready).rejects.toThrow(/exited before ready/);
    expect(await app.exited).toBe(3);
    expect(app.output()).toMatch(/stopped before the server was ready/);
  }, 30_000);
});
