// Deletes a card for good (editors, and board.manage): only an archived one, so deleting is always
// two deliberate steps (archive, then delete from the archive view). Its checklist, comments,
// labels and assignments go with it; the audit row keeps its title, and the card's history stays
// in the audit log. Not undoable.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { boardWrite } from "@/lib/data/boards/board-write";
import { readCard } from "@/lib/data/boards/card-record";

export async function deleteCard(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  ctx: RequestContext,
): Promise<{ cardId: string; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    if (!current.archivedAt) throw new ConflictError("Archive the card before deleting it.");
    await tx.card.delete({ where: { id: current.id } });
    return {
      result: current.id,
      kind: "card.deleted",
      cardId: current.id,
      payload: { removedCardIds: [current.id] },
      audit: {
        action: "card.deleted",
        targetType: "card",
        targetId: current.id,
        targetName: current.title,
        metadata: {
          title: current.title,
          columnId: current.columnId,
          laneId: current.laneId,
          archivedAt: current.archivedAt,
        },
      },
    };
  });
  return { cardId: result, seq };
}
