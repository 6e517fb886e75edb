// Carries "board B reached change number N" from the instance that wrote it to every viewer's
// event stream (app/api/v1/boards/[id]/events). Within one process an EventEmitter; between
// instances one of two transports, chosen once per process:
//   - Redis pub/sub when REDIS_URL is set: published after the commit (lib/realtime/redis-board-channel.ts);
//   - else, on PostgreSQL, LISTEN/NOTIFY: the NOTIFY is sent inside the writing transaction, so
//     PostgreSQL delivers it only if the change commits (lib/realtime/pg-board-listener.ts);
//   - else (SQLite: one instance), between the workers of `npm start`'s cluster through its
//     primary (lib/cluster.ts), sent after the commit; outside a cluster, this process only.
// Listeners get the number only and read the events themselves (listBoardEvents), so a lost or
// repeated notification costs a query, never a wrong board. A process's own change reaches its
// listeners at once and again as the transport's echo: each board's highest delivered number is
// kept while it has listeners, and anything not above it is dropped (change numbers of a board
// commit in order, so a reader woken for N sees every change up to N).
import "server-only";
import { EventEmitter } from "node:events";
import { inClusterWorker, onSiblingRelay, relayToSiblings } from "@/lib/cluster";
import { db, dbProvider, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { BOARD_SIGNAL_CHANNEL, formatBoardSignal, parseBoardSignal } from "@/lib/realtime/board-signal";
import { PgBoardListener } from "@/lib/realtime/pg-board-listener";
import { RedisBoardChannel } from "@/lib/realtime/redis-board-channel";

export type BoardChangeSignal = { boardId: string; seq: number };
export type BoardBusTransport = "redis" | "postgres" | "cluster" | "local";

type BusState = {
  local: EventEmitter;
  /** Highest change number delivered per board that has listeners. */
  delivered: Map<string, number>;
  pg?: PgBoardListener;
  redis?: RedisBoardChannel;
  /** Stops hearing the cluster's other workers. */
  relay?: () => void;
};

const globalForBus = globalThis as unknown as { opsdeckBoardBus?: BusState };
const bus: BusState = globalForBus.opsdeckBoardBus ?? { local: new EventEmitter(), delivered: new Map() };
bus.local.setMaxListeners(0);
globalForBus.opsdeckBoardBus = bus;

/** Which transport carries signals between this process and the others. */
export function boardBusTransport(): BoardBusTransport {
  if (env.REDIS_URL) return "redis";
  if (dbProvider === "postgresql") return "postgres";
  return inClusterWorker() ? "cluster" : "local";
}

/** Wakes this process's listeners of the board, unless they already heard of `seq` or later. */
function deliver({ boardId, seq }: BoardChangeSignal): void {
  if (bus.local.listenerCount(boardId) === 0) return;
  if ((bus.delivered.get(boardId) ?? 0) >= seq) return;
  bus.delivered.set(boardId, seq);
  bus.local.emit(boardId, seq);
}

function onRemoteSignal(text: string): void {
  const signal = parseBoardSignal(text);
  if (signal) deliver(signal);
}

/**
 * After the transport reconnected, signals sent meanwhile are lost: read the current number of
 * every board with listeners here and deliver what is new.
 */
async function resync(): Promise<void> {
  const ids = bus.local.eventNames().filter((n): n is string => typeof n === "string");
  if (!ids.length) return;
  try {
    const boards = await db.board.findMany({ where: { id: { in: ids } }, select: { id: true, seq: true } });
    for (const b of boards) deliver({ boardId: b.id, seq: b.seq });
  } catch (err) {
    log.warn({ err }, "board bus: resync after reconnect failed; viewers re-check within seconds");
  }
}

/** Starts this process's cross-instance receiver (once, on the first subscription). */
function ensureReceiver(): void {
  const transport = boardBusTransport();
  if (transport === "postgres" && !bus.pg) {
    bus.pg = new PgBoardListener(env.DATABASE_URL, BOARD_SIGNAL_CHANNEL, onRemoteSignal, resync);
    bus.pg.start();
  } else if (transport === "redis" && !bus.redis) {
    bus.redis = new RedisBoardChannel(env.REDIS_URL!, onRemoteSignal, resync);
    bus.redis.start();
  } else if (transport === "cluster" && !bus.relay) {
    bus.relay = onSiblingRelay(BOARD_SIGNAL_CHANNEL, onRemoteSignal);
  }
}

/** Inside the writing transaction: on PostgreSQL (without Redis), NOTIFY, delivered at commit. */
export async function signalInTransaction(tx: Tx, signal: BoardChangeSignal): Promise<void> {
  if (boardBusTransport() !== "postgres") return;
  await tx.$executeRaw`SELECT pg_notify(${BOARD_SIGNAL_CHANNEL}, ${formatBoardSignal(signal)})`;
}

/** After the transaction committed: wakes this process's listeners (and, with Redis or a cluster, the others'). */
export function signalAfterCommit(signal: BoardChangeSignal): void {
  deliver(signal);
  const transport = boardBusTransport();
  if (transport === "redis") RedisBoardChannel.publish(formatBoardSignal(signal));
  else if (transport === "cluster") relayToSiblings(BOARD_SIGNAL_CHANNEL, formatBoardSignal(signal));
}

/** Calls `listener` with each new change number of the board; returns the unsubscribe function. */
export function subscribeBoard(boardId: string, listener: (seq: number) => void): () => void {
  ensureReceiver();
  bus.local.on(boardId, listener);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    bus.local.off(boardId, listener);
    if (bus.local.listenerCount(boardId) === 0) bus.delivered.delete(boardId);
  };
}

/** Closes the cross-instance receiver (tests; a process that stops serving streams). */
export async function stopBoardBus(): Promise<void> {
  const { pg, redis, relay } = bus;
  bus.pg = undefined;
  bus.redis = undefined;
  bus.relay = undefined;
  relay?.();
  await Promise.all([pg?.stop(), redis?.stop()]);
}

/** Whether the cross-instance receiver is connected and listening (tests, health). */
export function boardBusReceiving(): boolean {
  return bus.pg?.listening ?? bus.redis?.listening ?? Boolean(bus.relay);
}
