// A board viewer's server-sent event stream (GET /api/v1/boards/{id}/events): first the events
// after the number the viewer holds, then every new change as it commits:
//   event: change   id: <seq>   data: <BoardEventJson>      one per change, in order
//   event: reload   id: <seq>   data: {"seq":n}             too far behind (or too much at once): reload the board
//   event: gone                 data: {}                    no longer a member, or the board is deleted
//   : ping                                                  every 15 s, so proxies keep the connection
// What wakes it: the board bus (lib/realtime/board-bus.ts), and every 5 s a look at the board's
// change number (one indexed read), so a lost signal (SQLite with several instances, a dropped
// LISTEN connection) leaves a viewer at most ~5 s behind. Every read of events goes through
// listBoardEvents, which checks access again. Work is bounded per connection: one bus listener,
// one read in flight (signals arriving meanwhile fold into one more read), and the stream ends
// after STREAM_LIFETIME_MS, when the client reconnects with Last-Event-ID and is authenticated
// afresh (a revoked session or key stops there at the latest).
//
// The stream is pull-driven: nothing is subscribed or scheduled until someone reads the body, so a
// response that is never read (the authorization matrix looks at the status only) holds nothing.
// Each principal (a person, or an API key) holds at most MAX_STREAMS_PER_PRINCIPAL streams per
// instance; one more is refused with 429 before it starts (reserveStreamSlot).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { log } from "@/lib/log";
import { subscribeBoard } from "@/lib/realtime/board-bus";
import type { BoardEventJson } from "@/lib/validations/board";

export const HEARTBEAT_MS = 15_000;
export const RECHECK_MS = 5_000;
export const STREAM_LIFETIME_MS = 5 * 60_000;
/** How long a client waits before reconnecting after the stream ended (the SSE `retry:` field). */
const RETRY_MS = 1_000;
/** Open streams per person or API key, per instance (a few tabs; not thousands). */
export const MAX_STREAMS_PER_PRINCIPAL = 10;

const openStreams = new Map<string, number>();

/**
 * Takes one of the principal's stream slots, or throws 429. The returned release is idempotent;
 * the stream calls it when it ends, and it runs by itself when the client goes away or the stream
 * was never read.
 */
export function reserveStreamSlot(actor: Actor, signal: AbortSignal, lifetimeMs = STREAM_LIFETIME_MS): () => void {
  const key = actor.apiKeyId ? `key:${actor.apiKeyId}` : `user:${actor.userId}`;
  const held = openStreams.get(key) ?? 0;
  if (held >= MAX_STREAMS_PER_PRINCIPAL) {
    throw new RateLimitedError(
      5,
      `At most ${MAX_STREAMS_PER_PRINCIPAL} board event streams may be open at once. Close one, or retry in 5 s.`,
    );
  }
  openStreams.set(key, held + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(key) ?? 1) - 1;
    if (left > 0) openStreams.set(key, left);
    else openStreams.delete(key);
    signal.removeEventListener("abort", release);
    clearTimeout(fallback);
  };
  signal.addEventListener("abort", release, { once: true });
  const fallback = setTimeout(release, lifetimeMs + 60_000);
  fallback.unref();
  return release;
}

export type BoardEventBatch = Awaited<ReturnType<typeof listBoardEvents>>;

export type BoardEventStreamOptions = {
  actor: Actor;
  boardId: string;
  /** The first read (made before answering, so that a non-member gets a 404 instead of a stream). */
  first: BoardEventBatch;
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  recheckMs?: number;
  lifetimeMs?: number;
  /** Gives the principal's stream slot back (reserveStreamSlot) when the stream ends. */
  release?: () => void;
};

const encoder = new TextEncoder();

export function changeFrame(event: BoardEventJson): string {
  return `event: change\nid: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;
}

function reloadFrame(seq: number): string {
  return `event: reload\nid: ${seq}\ndata: ${JSON.stringify({ seq })}\n\n`;
}

export function boardEventStream(options: BoardEventStreamOptions): ReadableStream<Uint8Array> {
  const { actor, boardId, signal } = options;
  let lastSent = options.first.seq;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let reading = false;
  let readAgain = false;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => void) | null = null;

  const send = (text: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  function close() {
    if (closed) return;
    closed = true;
    options.release?.();
    unsubscribe?.();
    timers.forEach(clearInterval);
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // already closed or cancelled by the client
    }
  }

  const sendBatch = (batch: BoardEventBatch) => {
    if (batch.behind) send(reloadFrame(batch.seq));
    else for (const event of batch.events) send(changeFrame(event));
    lastSent = Math.max(lastSent, batch.seq);
  };

  /** Reads and sends what happened after `lastSent`; at most one read at a time per stream. */
  async function catchUp(): Promise<void> {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        readAgain = false;
        if (closed) return;
        const batch = await listBoardEvents(actor, boardId, lastSent);
        sendBatch(batch);
      } while (readAgain);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) {
        send("event: gone\ndata: {}\n\n");
        close();
      } else {
        // The database is away for a moment: the next signal or re-check tries again.
        log.warn({ err: error, boardId }, "board event stream: read failed");
      }
    } finally {
      reading = false;
    }
  }

  async function recheck(): Promise<void> {
    if (closed || reading) return;
    try {
      const board = await db.board.findUnique({ where: { id: boardId }, select: { seq: true } });
      if (!board || board.seq > lastSent) await catchUp();
      else if (board.seq < lastSent) {
        // The client claimed a number the board has not reached (or the database was restored).
        lastSent = board.seq;
        send(reloadFrame(board.seq));
      }
    } catch (error) {
      log.warn({ err: error, boardId }, "board event stream: re-check failed");
    }
  }

  function begin(c: ReadableStreamDefaultController<Uint8Array>) {
    controller = c;
    if (signal.aborted) return close();
    signal.addEventListener("abort", close, { once: true });
    send(`retry: ${RETRY_MS}\n\n`);
    sendBatch(options.first);
    unsubscribe = subscribeBoard(boardId, (seq) => {
      if (seq > lastSent) void catchUp();
    });
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      // A stream never keeps the process alive by itself.
      t.unref();
      timers.push(t);
    };
    every(options.heartbeatMs ?? HEARTBEAT_MS, () => send(": ping\n\n"));
    every(options.recheckMs ?? RECHECK_MS, () => void recheck());
    const end = setTimeout(close, options.lifetimeMs ?? STREAM_LIFETIME_MS);
    end.unref();
    timers.push(end);
    // A change committed between the first read and the subscription has no signal left to come.
    void recheck();
  }

  return new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (!controller) begin(c);
      },
      cancel() {
        close();
      },
    },
    // Nothing is pulled (and so nothing starts) until the body is read.
    { highWaterMark: 0 },
  );
}
