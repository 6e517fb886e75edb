// HTTP tests of GET /api/v1/boards/{id}/events (the live board stream): the handler is called as
// Next.js calls it (test/call-route.ts builds the same request) and its body is read as a browser's
// EventSource reads it, frame by frame, then the request is aborted as a closing tab aborts it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { removeBoardMember, setBoardMember } from "@/lib/data/boards/board-members";
import { BOARD_EVENTS_CATCH_UP } from "@/lib/data/boards/board-events";
import { createBoard } from "@/lib/data/boards/create-board";
import { createCard } from "@/lib/data/boards/create-card";
import { getBoard } from "@/lib/data/boards/get-board";
import { moveCard } from "@/lib/data/boards/move-card";
import { stopBoardBus } from "@/lib/realtime/board-bus";
import { MAX_STREAMS_PER_PRINCIPAL } from "@/lib/realtime/board-event-stream";
import type { BoardEventJson } from "@/lib/validations/board";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { testContext } from "@/test/helpers";
import { viewerWithRole } from "@/test/role-viewers";
import { GET } from "./route";

const ctx = testContext();
let owner: Viewer;
let member: Viewer;
let memberKey: string;
let outsiderKey: string;

beforeAll(async () => {
  owner = await viewerWithRole("staff");
  member = await viewerWithRole("staff");
  const outsider = await viewerWithRole("staff");
  memberKey = (await apiKeyFor(member.userId, ["board.read"])).key;
  outsiderKey = (await apiKeyFor(outsider.userId, ["board.read"])).key;
});

afterAll(async () => {
  await stopBoardBus();
});

async function newBoard() {
  const { id } = await createBoard(
    owner,
    { name: `Live ${Math.random().toString(36).slice(2, 8)}`, columns: ["To do", "Done"] },
    ctx,
  );
  await setBoardMember(owner, id, { userId: member.userId, role: "viewer" }, ctx);
  const board = await getBoard(owner, id);
  return { id, seq: board.seq, columns: board.columns.map((c) => c.id) as [string, string] };
}

type Frame = { event: string; id?: string; data?: string; comment?: string };

/** An open stream read frame by frame; `close()` aborts the request as a closing tab does. */
async function openStream(boardId: string, options: { after?: number; lastEventId?: number; key?: string } = {}) {
  const url = new URL(`http://localhost:3000/api/v1/boards/${boardId}/events`);
  if (options.after !== undefined) url.searchParams.set("after", String(options.after));
  const abort = new AbortController();
  const headers = new Headers({ authorization: `Bearer ${options.key ?? memberKey}`, accept: "text/event-stream" });
  if (options.lastEventId !== undefined) headers.set("last-event-id", String(options.lastEventId));
  const response = await GET(new Request(url, { headers, signal: abort.signal }), {
    params: Promise.resolve({ id: boardId }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const frames: Frame[] = [];
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const frame: Frame = { event: "message" };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) frame.comment = line.slice(1).trim();
          else if (line.startsWith("event: ")) frame.event = line.slice(7);
          else if (line.startsWith("id: ")) frame.id = line.slice(4);
          else if (line.startsWith("data: ")) frame.data = line.slice(6);
          else if (line.startsWith("retry: ")) frame.event = "retry";
        }
        frames.push(frame);
      }
    }
    ended = true;
  })();
  const changes = () => frames.filter((f) => f.event === "change").map((f) => JSON.parse(f.data!) as BoardEventJson);
  async function waitFor(check: () => boolean, ms = 2000): Promise<number> {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms; frames: ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now() - started;
  }
  return {
    response,
    frames,
    changes,
    waitFor,
    ended: () => ended,
    async close() {
      abort.abort();
      await Promise.race([pump, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
}

function listenersOf(boardId: string): number {
  const bus = (globalThis as unknown as { opsdeckBoardBus: { local: import("node:events").EventEmitter } })
    .opsdeckBoardBus;
  return bus.local.listenerCount(boardId);
}

describe("GET /api/v1/boards/{id}/events", () => {
  it("streams a move made by someone else within 2 s, with its change number, and ends when the client leaves", async () => {
    const board = await newBoard();
    const { card } = await createCard(owner, board.id, { title: "moving", columnId: board.columns[0] }, ctx);
    const held = (await getBoard(owner, board.id)).seq;
    const stream = await openStream(board.id, { after: held });
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.response.headers.get("x-accel-buffering")).toBe("no");
    expect(stream.response.headers.get("x-request-id")).toBeTruthy();
    await stream.waitFor(() => listenersOf(board.id) === 1);

    const moved = await moveCard(owner, board.id, card.id, { columnId: board.columns[1], index: 0 }, ctx);
    const ms = await stream.waitFor(() => stream.changes().length > 0);
    expect(ms).toBeLessThan(2000);
    const [event] = stream.changes();
    expect(event).toMatchObject({ seq: moved.seq, kind: "card.moved", cardId: card.id, actorId: owner.userId });
    expect(event!.payload.cards?.[0]).toMatchObject({ id: card.id, columnId: board.columns[1] });
    expect(stream.frames.find((f) => f.event === "change")?.id).toBe(String(moved.seq));

    await stream.close();
    expect(stream.ended()).toBe(true);
    expect(listenersOf(board.id)).toBe(0);
  });

  it("answers 404 to a non-member and 401 without a key, before any stream starts", async () => {
    const board = await newBoard();
    const outsider = await callRoute(GET, "GET", `/api/v1/boards/${board.id}/events`, {
      key: outsiderKey,
      params: { id: board.id },
      query: { after: "0" },
    });
    expect(outsider.status).toBe(404);
    expect(outsider.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(outsider.body.code).toBe("not_found");
    const anonymous = await callRoute(GET, "GET", `/api/v1/boards/${board.id}/events`, {
      params: { id: board.id },
      query: { after: "0" },
    });
    expect(anonymous.status).toBe(401);
    const noKeyScope = await callRoute(GET, "GET", `/api/v1/boards/${board.id}/events`, {
      key: (await apiKeyFor(member.userId, ["customers.read"])).key,
      params: { id: board.id },
      query: { after: "0" },
    });
    expect(noKeyScope.status).toBe(403);
    expect(listenersOf(board.id)).toBe(0);
  });

  it("holds at most 10 open streams per key: the 11th is 429 until one closes", async () => {
    const board = await newBoard();
    const key = (await apiKeyFor(member.userId, ["board.read"])).key;
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_PRINCIPAL; i++)
      open.push(await openStream(board.id, { after: board.seq, key }));
    expect(open.every((s) => s.response.status === 200)).toBe(true);
    const refused = await callRoute(GET, "GET", `/api/v1/boards/${board.id}/events`, {
      key,
      params: { id: board.id },
      query: { after: String(board.seq) },
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("rate_limited");
    // Another key of the same person has its own allowance.
    const other = await openStream(board.id, { after: board.seq });
    expect(other.response.status).toBe(200);
    await other.close();
    await open[0]!.close();
    const again = await openStream(board.id, { after: board.seq, key });
    expect(again.response.status).toBe(200);
    for (const s of [again, ...open.slice(1)]) await s.close();
  });

  it("refuses a missing or malformed change number with 422", async () => {
    const board = await newBoard();
    const queries: Record<string, string>[] = [{}, { after: "-1" }, { after: "abc" }, { after: "1e3" }];
    for (const query of queries) {
      const res = await callRoute(GET, "GET", `/api/v1/boards/${board.id}/events`, {
        key: memberKey,
        params: { id: board.id },
        query,
      });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["after"]);
    }
  });

  it("first sends what happened after the given number, in order", async () => {
    const board = await newBoard();
    const seqs: number[] = [];
    for (const title of ["a", "b", "c"]) {
      seqs.push((await createCard(owner, board.id, { title, columnId: board.columns[0] }, ctx)).seq);
    }
    const stream = await openStream(board.id, { after: seqs[0]! });
    await stream.waitFor(() => stream.changes().length === 2);
    expect(stream.changes().map((e) => e.seq)).toEqual(seqs.slice(1));
    expect(stream.changes().map((e) => e.payload.cards?.[0]?.title)).toEqual(["b", "c"]);
    await stream.close();
  });

  it("takes Last-Event-ID (an EventSource reconnecting) over ?after", async () => {
    const board = await newBoard();
    const one = await createCard(owner, board.id, { title: "one", columnId: board.columns[0] }, ctx);
    const two = await createCard(owner, board.id, { title: "two", columnId: board.columns[0] }, ctx);
    const stream = await openStream(board.id, { after: board.seq, lastEventId: one.seq });
    await stream.waitFor(() => stream.changes().length === 1);
    expect(stream.changes().map((e) => e.seq)).toEqual([two.seq]);
    await stream.close();
  });

  it("tells a viewer far behind to reload, then carries on from the board's number", async () => {
    const board = await newBoard();
    // More changes than a stream replays, written straight to the log (as if they had happened).
    const behind = BOARD_EVENTS_CATCH_UP + 5;
    await db.boardEvent.createMany({
      data: Array.from({ length: behind }, (_, i) => ({
        boardId: board.id,
        seq: board.seq + 1 + i,
        kind: "board.updated",
        actorId: owner.userId,
        payload: JSON.stringify({ board: { name: `rename ${i}` } }),
      })),
    });
    await db.board.update({ where: { id: board.id }, data: { seq: board.seq + behind } });
    const stream = await openStream(board.id, { after: board.seq });
    await stream.waitFor(() => stream.frames.some((f) => f.event === "reload"));
    const reload = stream.frames.find((f) => f.event === "reload")!;
    expect(JSON.parse(reload.data!)).toEqual({ seq: board.seq + behind });
    expect(stream.changes()).toEqual([]);
    await stream.waitFor(() => listenersOf(board.id) === 1);
    const next = await createCard(owner, board.id, { title: "after the reload", columnId: board.columns[0] }, ctx);
    await stream.waitFor(() => stream.changes().length === 1);
    expect(stream.changes()[0]!.seq).toBe(next.seq);
    expect(next.seq).toBe(board.seq + behind + 1);
    await stream.close();
  });

  it("ends a removed member's stream with `event: gone`", async () => {
    const board = await newBoard();
    const stream = await openStream(board.id, { after: board.seq });
    await stream.waitFor(() => listenersOf(board.id) === 1);
    await removeBoardMember(owner, board.id, member.userId, ctx);
    await stream.waitFor(() => stream.ended());
    expect(stream.frames.at(-1)?.event).toBe("gone");
    expect(listenersOf(board.id)).toBe(0);
  });

  it("catches up within ~5 s on a change whose signal never came (another instance on SQLite)", async () => {
    const board = await newBoard();
    const stream = await openStream(board.id, { after: board.seq });
    await stream.waitFor(() => listenersOf(board.id) === 1);
    await db.$transaction(async (tx) => {
      await tx.boardEvent.create({
        data: {
          boardId: board.id,
          seq: board.seq + 1,
          kind: "board.updated",
          actorId: owner.userId,
          payload: JSON.stringify({ board: { name: "renamed elsewhere" } }),
        },
      });
      await tx.board.update({ where: { id: board.id }, data: { seq: board.seq + 1 } });
    });
    await stream.waitFor(() => stream.changes().length === 1, 6500);
    expect(stream.changes()[0]).toMatchObject({
      seq: board.seq + 1,
      payload: { board: { name: "renamed elsewhere" } },
    });
    await stream.close();
  });
});
