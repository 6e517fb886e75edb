// Fractional keys grow when cards keep landing in the same gap. After a move leaves a key longer
// than LONG_KEY, the board's lists with long keys are re-spaced in the background: fresh, evenly
// spaced keys in the same order, in one change (its event tells viewers to reload the board).
// Runs as the system (no actor); order never changes, so it is not undoable and needs none.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { signalAfterCommit } from "@/lib/realtime/board-bus";
import { appendBoardEvent, takeChangeNumber } from "@/lib/data/boards/board-write";
import { byPosition } from "@/lib/data/boards/board-json";
import { freshKeys, LONG_KEY } from "@/lib/data/boards/positions";

const pending = new Set<string>();

/** Queues a rebalance of the board (once, however many moves ask) after the current request. */
export function scheduleRebalance(boardId: string): void {
  if (pending.has(boardId)) return;
  pending.add(boardId);
  setTimeout(() => {
    rebalanceBoard(boardId)
      .catch((error: unknown) => log.warn({ err: error, boardId }, "board rebalance failed"))
      .finally(() => pending.delete(boardId));
  }, 50).unref?.();
}

/** Re-spaces every (column, lane) list of the board holding a key longer than LONG_KEY; returns the cards re-keyed. */
export async function rebalanceBoard(boardId: string): Promise<number> {
  const signal = await db.$transaction(async (tx) => {
    const seq = await takeChangeNumber(tx, boardId);
    const cards = await tx.card.findMany({
      where: { boardId, archivedAt: null },
      select: { id: true, columnId: true, laneId: true, position: true },
    });
    const lists = new Map<string, typeof cards>();
    for (const card of cards) {
      const key = `${card.columnId}\u0000${card.laneId ?? ""}`;
      lists.set(key, [...(lists.get(key) ?? []), card]);
    }
    const rekeyed: string[] = [];
    for (const list of lists.values()) {
      if (!list.some((c) => c.position.length > LONG_KEY)) continue;
      const ordered = list.sort(byPosition);
      const keys = freshKeys(ordered.length);
      for (const [i, card] of ordered.entries()) {
        await tx.card.update({ where: { id: card.id }, data: { position: keys[i]! } });
        rekeyed.push(card.id);
      }
    }
    // Viewers reload rather than receive every re-keyed card (a list may hold thousands).
    await appendBoardEvent(tx, { boardId, seq, kind: "board.rebalanced", actorId: null, payload: { reload: true } });
    await audit(
      { action: "board.rebalanced", targetType: "board", targetId: boardId, metadata: { cards: rekeyed.length } },
      tx,
    );
    return { boardId, seq, count: rekeyed.length };
  });
  signalAfterCommit(signal);
  return signal.count;
}
