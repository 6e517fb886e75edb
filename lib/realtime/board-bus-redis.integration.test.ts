// The board bus over Redis pub/sub (REDIS_URL set), on either database: two independent
// subscribers (other app instances) hear a change committed through boardWrite and never one that
// failed; this process hears another instance's message once, its own change once, and catches up
// after its subscriber connection dropped. Runs against the Redis named by TEST_REDIS_URL (CI
// sets it: .ci/run); without it the suite is reported as skipped, never as passed. lib/env parses
// process.env once, so REDIS_URL is set before any app module is imported (they are imported
// dynamically below).
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { testContext } from "@/test/helpers";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
const previousRedisUrl = process.env.REDIS_URL;
if (REDIS_URL) process.env.REDIS_URL = REDIS_URL;

const ctx = testContext();

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!REDIS_URL)("board bus with REDIS_URL (Redis pub/sub)", () => {
  const instances: { sub: Redis; heard: string[] }[] = [];
  let publisher: Redis;
  let owner: Viewer;
  let channel: string;

  beforeAll(async () => {
    const { REDIS_BOARD_CHANNEL } = await import("@/lib/realtime/redis-board-channel");
    channel = REDIS_BOARD_CHANNEL;
    publisher = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, connectTimeout: 2000 });
    try {
      expect(await publisher.ping()).toBe("PONG");
    } catch (error) {
      throw new Error(
        `Redis is not reachable at ${REDIS_URL} (${error instanceof Error ? error.message : String(error)}). ` +
          "This test needs a running Redis: start one (e.g. `redis-server`) and run again.",
      );
    }
    for (let i = 0; i < 2; i++) {
      const sub = new Redis(REDIS_URL);
      const heard: string[] = [];
      sub.on("message", (c: string, m: string) => c === channel && heard.push(m));
      await sub.subscribe(channel);
      instances.push({ sub, heard });
    }
    const { viewerWithRole } = await import("@/test/role-viewers");
    owner = await viewerWithRole("staff");
  });

  afterAll(async () => {
    for (const i of instances) await i.sub.quit();
    await publisher?.quit();
    const { stopBoardBus } = await import("@/lib/realtime/board-bus");
    await stopBoardBus();
    const g = globalThis as unknown as { opsdeckRedis?: Redis };
    await g.opsdeckRedis?.quit().catch(() => undefined);
    delete g.opsdeckRedis;
    if (previousRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = previousRedisUrl;
  });

  async function newBoard() {
    const { createBoard } = await import("@/lib/data/boards/create-board");
    const { getBoard } = await import("@/lib/data/boards/get-board");
    const { id } = await createBoard(
      owner,
      { name: `Redis bus ${Math.random().toString(36).slice(2, 8)}`, columns: ["A"] },
      ctx,
    );
    return { id, column: (await getBoard(owner, id)).columns[0]!.id };
  }

  it("uses Redis whatever the database", async () => {
    const { boardBusTransport } = await import("@/lib/realtime/board-bus");
    expect(boardBusTransport()).toBe("redis");
  });

  it("two other instances hear a committed change with its number, and never a failed one", async () => {
    const { boardWrite } = await import("@/lib/data/boards/board-write");
    const { createCard } = await import("@/lib/data/boards/create-card");
    const board = await newBoard();
    await expect(
      boardWrite(owner, board.id, ctx, { needs: "editor" }, async () => {
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    const { seq } = await createCard(owner, board.id, { title: "heard", columnId: board.column }, ctx);
    for (const { heard } of instances) await until(() => heard.includes(`${board.id}:${seq}`));
    await sleep(100);
    for (const { heard } of instances)
      expect(heard.filter((p) => p.startsWith(`${board.id}:`))).toEqual([`${board.id}:${seq}`]);
  });

  it("delivers another instance's message to this process's listeners once, and its own change once", async () => {
    const { boardBusReceiving, subscribeBoard } = await import("@/lib/realtime/board-bus");
    const { createCard } = await import("@/lib/data/boards/create-card");
    const { db } = await import("@/lib/db");
    const board = await newBoard();
    const got: number[] = [];
    const unsubscribe = subscribeBoard(board.id, (seq) => got.push(seq));
    await until(boardBusReceiving);
    await publisher.publish(channel, `${board.id}:41`);
    await until(() => got.includes(41));
    await db.board.update({ where: { id: board.id }, data: { seq: 41 } });
    const { seq } = await createCard(owner, board.id, { title: "own", columnId: board.column }, ctx);
    expect(seq).toBe(42);
    await until(() => instances[0]!.heard.includes(`${board.id}:42`));
    await sleep(200);
    expect(got).toEqual([41, 42]);
    await publisher.publish(channel, `${board.id}:40`);
    await publisher.publish(channel, "not a signal");
    await sleep(200);
    expect(got).toEqual([41, 42]);
    unsubscribe();
  });

  it("reconnects after its subscriber dropped and catches up on what it missed", async () => {
    const { boardBusReceiving, subscribeBoard } = await import("@/lib/realtime/board-bus");
    const { db } = await import("@/lib/db");
    const board = await newBoard();
    const got: number[] = [];
    const unsubscribe = subscribeBoard(board.id, (seq) => got.push(seq));
    await until(boardBusReceiving);
    const bus = (globalThis as unknown as { opsdeckBoardBus: { redis: { simulateDrop(): void } } }).opsdeckBoardBus;
    bus.redis.simulateDrop();
    // Another instance's change while this one is away: its message is lost here.
    await db.board.update({ where: { id: board.id }, data: { seq: 9 } });
    await until(() => got.includes(9), 8000);
    expect(got).toEqual([9]);
    expect(boardBusReceiving()).toBe(true);
    unsubscribe();
  });
});
