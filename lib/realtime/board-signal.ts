// The wire form of a board change signal between app instances: "<boardId>:<seq>" on the
// PostgreSQL NOTIFY channel and the Redis pub/sub channel (lib/realtime/board-bus.ts). Anything
// else on the channel is ignored.
import type { BoardChangeSignal } from "@/lib/realtime/board-bus";

/** One name for the NOTIFY channel and the Redis channel. */
export const BOARD_SIGNAL_CHANNEL = "opsdeck_board";

export function formatBoardSignal(signal: BoardChangeSignal): string {
  return `${signal.boardId}:${signal.seq}`;
}

export function parseBoardSignal(text: string): BoardChangeSignal | null {
  const match = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/.exec(text);
  if (!match) return null;
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) && seq > 0 ? { boardId: match[1]!, seq } : null;
}
