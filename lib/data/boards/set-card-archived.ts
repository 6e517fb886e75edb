// Archives or restores a card (editor). An archived card leaves the board (the archive view lists
// it, list-board-cards.ts) and keeps its place; restoring puts it back there, subject to the
// column's hard WIP limit. Both can be undone.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import type { CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { checkWipLimits, readCard, siblingsOf } from "@/lib/data/boards/card-record";
import { keyNear } from "@/lib/data/boards/positions";
import { visibleCard } from "@/lib/data/boards/get-board";

export async function setCardArchived(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  archived: boolean,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ card: CardJson; warnings: string[]; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
    const changed = await applyArchived(tx, actor!, current, archived);
    return {
      result: changed,
      kind: archived ? "card.archived" : "card.restored",
      cardId: current.id,
      payload: archived ? { removedCardIds: [current.id] } : { cards: [changed.card] },
      inverse: { type: "archive", cardId: current.id, archived: !archived },
      cardVersion: changed.card.version,
      audit: {
        action: archived ? "card.archived" : "card.restored",
        targetType: "card",
        targetId: current.id,
        metadata: { title: current.title },
      },
    };
  });
  return { card: visibleCard(actor!, result.card), warnings: result.warnings, seq };
}

/** Sets the archived flag (a no-op when it already is); restoring checks the column's limits. */
export async function applyArchived(
  tx: Tx,
  actor: Actor,
  current: CardJson,
  archived: boolean,
): Promise<{ card: CardJson; warnings: string[] }> {
  if ((current.archivedAt !== null) === archived) return { card: current, warnings: [] };
  const warnings = archived ? [] : await checkWipLimits(tx, current, current.id);
  // Back where it was; a card added meanwhile may hold the same key (keys are chosen among open
  // cards), so a taken key moves it just after.
  const position = archived ? current.position : keyNear(await siblingsOf(tx, current, current.id), current.position);
  await tx.card.update({
    where: { id: current.id },
    data: {
      archivedAt: archived ? new Date() : null,
      position,
      version: { increment: 1 },
      updatedById: actor.userId,
    },
  });
  return {
    card: toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect })),
    warnings,
  };
}
