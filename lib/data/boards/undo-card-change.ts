// Undo (editor): reverts the caller's latest undoable change on the board (a move, an edit, an
// archive or restore, a new card), read from the server's operation log, not from the browser.
// Refused with 409 when anyone else has changed that card since, or when the caller has changed
// it since in a way that cannot be undone; the caller's own undone changes do not count, so
// repeated undos walk back through their history. An undo is itself a change (viewers see it, it
// is audited) and is not undone again.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import type { CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import type { BoardEventKind, BoardInverse } from "@/lib/data/boards/board-events";
import { readCard } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";
import { placeCard } from "@/lib/data/boards/move-card";
import { applyArchived } from "@/lib/data/boards/set-card-archived";
import { applyCardFields } from "@/lib/data/boards/update-card";

/** How far back undo reaches: the caller's last this-many undoable changes on the board. */
export const UNDO_DEPTH = 50;

const UNDONE_LABEL: Partial<Record<BoardEventKind, string>> = {
  "card.moved": "move",
  "card.updated": "edit",
  "card.created": "new card",
  "card.archived": "archive",
  "card.restored": "restore",
};

export async function undoCardChange(
  actor: Actor | null,
  boardId: unknown,
  ctx: RequestContext,
): Promise<{ card: CardJson; undone: string; warnings: string[]; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const candidates = await tx.boardEvent.findMany({
      where: { boardId: access.boardId, actorId: actor!.userId, inverse: { not: null } },
      orderBy: { seq: "desc" },
      take: UNDO_DEPTH,
      select: { id: true, seq: true, kind: true, cardId: true, inverse: true, undoneAt: true },
    });
    const event = candidates.find((e) => e.undoneAt === null);
    if (!event || !event.cardId) throw new ConflictError("There is nothing of yours to undo on this board.");
    const later = await tx.boardEvent.findMany({
      where: { boardId: access.boardId, cardId: event.cardId, seq: { gt: event.seq } },
      select: { actorId: true, kind: true, undoneAt: true },
    });
    const blocked = later.some((e) => e.actorId !== actor!.userId || (e.undoneAt === null && e.kind !== "card.undone"));
    if (blocked) {
      throw new ConflictError(
        later.some((e) => e.actorId !== actor!.userId)
          ? "Someone else has changed this card since, so your change cannot be undone."
          : "You have changed this card since in a way that cannot be undone.",
      );
    }
    const current = await readCard(tx, access.boardId, event.cardId).catch(() => {
      throw new ConflictError("That card has left this board, so the change cannot be undone.");
    });
    const inverse = JSON.parse(event.inverse!) as BoardInverse;
    let applied: { card: CardJson; warnings: string[] };
    if (inverse.type === "move") {
      if (current.archivedAt) throw new ConflictError("That card is archived now, so the move cannot be undone.");
      applied = await placeCard(tx, current, {
        columnId: inverse.columnId,
        laneId: inverse.laneId,
        position: inverse.position,
      });
    } else if (inverse.type === "update") {
      applied = { card: (await applyCardFields(tx, actor!, current, inverse.before)).card, warnings: [] };
    } else {
      applied = await applyArchived(tx, actor!, current, inverse.archived);
    }
    await tx.boardEvent.update({ where: { id: event.id }, data: { undoneAt: new Date() } });
    const undone = UNDONE_LABEL[event.kind as BoardEventKind] ?? "change";
    return {
      result: { ...applied, undone },
      kind: "card.undone",
      cardId: current.id,
      payload: applied.card.archivedAt ? { removedCardIds: [current.id] } : { cards: [applied.card] },
      audit: {
        action: "card.change_undone",
        targetType: "card",
        targetId: current.id,
        metadata: { title: applied.card.title, undoneSeq: event.seq, undoneKind: event.kind },
      },
    };
  });
  return { card: visibleCard(actor!, result.card), undone: result.undone, warnings: result.warnings, seq };
}
