// The board bus on the run's database. On PostgreSQL: two independent LISTEN connections (other
// app instances) hear a change committed through boardWrite and never one that rolled back; this
// process hears another instance's NOTIFY once, its own change once (local signal + echo), and
// catches up after its LISTEN connection dropped. On SQLite (one instance): local delivery only,
// no query in the transaction. (Redis: board-bus-redis.integration.test.ts.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db, dbProvider } from "@/lib/db";
import { boardWrite } from "@/lib/data/boards/board-write";
import { createBoard } from "@/lib/data/boards/create-board";
import { createCard } from "@/lib/data/boards/create-card";
import { getBoard } from "@/lib/data/boards/get-board";
import {
  boardBusReceiving,
  boardBusTransport,
  signalAfterCommit,
  signalInTransaction,
  stopBoardBus,
  subscribeBoard,
} from "@/lib/realtime/board-bus";
import { BOARD_SIGNAL_CHANNEL } from "@/lib/realtime/board-signal";
import type { PgBoardListener } from "@/lib/realtime/pg-board-listener";
import { testContext } from "@/test/helpers";
import { recordQueries } from "@/test/query-log";
import { viewerWithRole } from "@/test/role-viewers";

const ctx = testContext();
let owner: Viewer;

beforeAll(async () => {
  owner = await viewerWithRole("staff");
});

afterAll(async () => {
  await stopBoardBus();
});

async function newBoard() {
  const { id } = await createBoard(
    owner,
    { name: `Bus ${Math.random().toString(36).slice(2, 8)}`, columns: ["A"] },
    ctx,
  );
  const board = await getBoard(owner, id);
  return { id, column: board.columns[0]!.id };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A change whose transaction sends its NOTIFY and then fails (rolled back after the signal). */
async function failingChange(boardId: string, bogusSeq: number) {
  return boardWrite(owner, boardId, ctx, { needs: "editor" }, async (tx) => {
    await signalInTransaction(tx, { boardId, seq: bogusSeq });
    throw new Error("change failed after its signal");
  });
}

if (dbProvider === "postgresql") {
  describe("board bus on PostgreSQL (LISTEN/NOTIFY)", () => {
    const instances: { client: pg.Client; heard: string[] }[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        const heard: string[] = [];
        client.on("notification", (m) => m.channel === BOARD_SIGNAL_CHANNEL && heard.push(m.payload ?? ""));
        await client.query(`LISTEN ${BOARD_SIGNAL_CHANNEL}`);
        instances.push({ client, heard });
      }
    });

    afterAll(async () => {
      for (const i of instances) await i.client.end();
    });

    it("uses NOTIFY", () => {
      expect(boardBusTransport()).toBe("postgres");
    });

    it("two other instances hear a committed change with its number, and never a rolled-back one", async () => {
      const board = await newBoard();
      await expect(failingChange(board.id, 999_999)).rejects.toThrow("change failed after its signal");
      const { seq } = await createCard(owner, board.id, { title: "heard", columnId: board.column }, ctx);
      for (const { heard } of instances) await until(() => heard.includes(`${board.id}:${seq}`));
      for (const { heard } of instances) {
        // NOTIFYs arrive in commit order: had the failed one been delivered, it would be here already.
        expect(heard.filter((p) => p.startsWith(`${board.id}:`))).toEqual([`${board.id}:${seq}`]);
      }
      expect((await db.board.findUnique({ where: { id: board.id } }))?.seq).toBe(seq);
    });

    it("delivers another instance's NOTIFY to this process's listeners once, and its own change once", async () => {
      const board = await newBoard();
      const got: number[] = [];
      const unsubscribe = subscribeBoard(board.id, (seq) => got.push(seq));
      await until(boardBusReceiving);
      // Another instance's change: only its NOTIFY reaches this process.
      await instances[0]!.client.query("SELECT pg_notify($1, $2)", [BOARD_SIGNAL_CHANNEL, `${board.id}:41`]);
      await until(() => got.includes(41));
      // Our own change: the local signal and the NOTIFY echo, delivered once.
      await db.board.update({ where: { id: board.id }, data: { seq: 41 } });
      const { seq } = await createCard(owner, board.id, { title: "own", columnId: board.column }, ctx);
      expect(seq).toBe(42);
      await until(() => instances[1]!.heard.includes(`${board.id}:42`));
      await sleep(200);
      expect(got).toEqual([41, 42]);
      // A stale or repeated number wakes nobody.
      await instances[0]!.client.query("SELECT pg_notify($1, $2)", [BOARD_SIGNAL_CHANNEL, `${board.id}:40`]);
      signalAfterCommit({ boardId: board.id, seq: 42 });
      await sleep(200);
      expect(got).toEqual([41, 42]);
      unsubscribe();
      await instances[0]!.client.query("SELECT pg_notify($1, $2)", [BOARD_SIGNAL_CHANNEL, `${board.id}:43`]);
      await sleep(200);
      expect(got).toEqual([41, 42]);
    });

    it("reconnects after its LISTEN connection dropped and catches up on what it missed", async () => {
      const board = await newBoard();
      const got: number[] = [];
      const unsubscribe = subscribeBoard(board.id, (seq) => got.push(seq));
      await until(boardBusReceiving);
      const listener = (globalThis as unknown as { opsdeckBoardBus: { pg: PgBoardListener } }).opsdeckBoardBus.pg;
      listener.simulateDrop();
      expect(boardBusReceiving()).toBe(false);
      // Another instance commits while this one is not listening: its NOTIFY is lost here.
      await instances[0]!.client.query(`UPDATE "Board" SET "seq" = 7 WHERE "id" = $1`, [board.id]);
      await instances[0]!.client.query("SELECT pg_notify($1, $2)", [BOARD_SIGNAL_CHANNEL, `${board.id}:7`]);
      await until(boardBusReceiving, 5000);
      await until(() => got.includes(7));
      expect(got).toEqual([7]);
      unsubscribe();
    });
  });
} else {
  describe("board bus on SQLite (one instance: this process only)", () => {
    it("delivers committed changes locally, once, and nothing for a failed one", async () => {
      expect(boardBusTransport()).toBe("local");
      const board = await newBoard();
      const got: number[] = [];
      const unsubscribe = subscribeBoard(board.id, (seq) => got.push(seq));
      await expect(failingChange(board.id, 999_999)).rejects.toThrow("change failed after its signal");
      const { seq } = await createCard(owner, board.id, { title: "local", columnId: board.column }, ctx);
      signalAfterCommit({ boardId: board.id, seq });
      expect(got).toEqual([seq]);
      expect(boardBusReceiving()).toBe(false);
      unsubscribe();
      signalAfterCommit({ boardId: board.id, seq: seq + 1 });
      expect(got).toEqual([seq]);
    });

    it("sends no query inside the writing transaction", async () => {
      const board = await newBoard();
      const { queries } = await recordQueries(async () => {
        await db.$transaction(async (tx) => signalInTransaction(tx, { boardId: board.id, seq: 1 }));
      });
      expect(queries.filter((q) => /notify/i.test(q))).toEqual([]);
    });
  });
}
