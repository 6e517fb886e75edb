// Shared pieces of the card writes: reading a card of a board, checking what an edit links to
// (labels of this board, assignees who are members, records the caller may read), the column and
// lane limits, and the snapshot of a card's fields that undo restores.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import { BOARD_LIMITS, boardEntityIdSchema, type CardJson } from "@/lib/validations/board";
import { byPosition, cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import type { CardFieldsSnapshot } from "@/lib/data/boards/board-events";

export const CARD_NOT_FOUND = "Card not found.";

/** The card, if it is on this board (archived ones too); 404 otherwise. */
export async function readCard(tx: Tx, boardId: string, cardId: unknown): Promise<CardJson> {
  const parsed = boardEntityIdSchema.safeParse(cardId);
  if (!parsed.success) throw new NotFoundError(CARD_NOT_FOUND);
  const row = await tx.card.findFirst({ where: { id: parsed.data, boardId }, select: cardSelect });
  if (!row) throw new NotFoundError(CARD_NOT_FOUND);
  return toCardJson(row);
}

export function snapshotOf(card: CardJson): CardFieldsSnapshot {
  return {
    title: card.title,
    description: card.description,
    dueAt: card.dueAt,
    priority: card.priority,
    coverColor: card.coverColor,
    labelIds: card.labelIds,
    assigneeIds: card.assigneeIds,
    customerId: card.customer?.id ?? null,
    transactionId: card.transaction?.id ?? null,
  };
}

type Links = {
  labelIds?: string[];
  assigneeIds?: string[];
  customerId?: string | null;
  transactionId?: string | null;
};

/** Refuses (422, per field) labels of another board, assignees who are not members, unreadable or unknown records. */
export async function assertLinks(tx: Tx, actor: Actor, boardId: string, links: Links): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (links.labelIds?.length) {
    const found = await tx.boardLabel.count({ where: { boardId, id: { in: links.labelIds } } });
    if (found !== links.labelIds.length) errors.labelIds = ["Choose labels of this board."];
  }
  if (links.assigneeIds?.length) {
    const found = await tx.boardMember.count({ where: { boardId, userId: { in: links.assigneeIds } } });
    if (found !== links.assigneeIds.length) errors.assigneeIds = ["Assign members of this board only."];
  }
  if (links.customerId) {
    const ok = can(actor, "customers.read") && (await tx.customer.count({ where: { id: links.customerId } })) > 0;
    if (!ok) errors.customerId = ["Choose a customer you can see."];
  }
  if (links.transactionId) {
    const ok =
      can(actor, "transactions.read") && (await tx.transaction.count({ where: { id: links.transactionId } })) > 0;
    if (!ok) errors.transactionId = ["Choose a transaction you can see."];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Writes a card's label and assignee sets (replacing them). */
export async function writeCardSets(
  tx: Tx,
  cardId: string,
  links: Pick<Links, "labelIds" | "assigneeIds">,
): Promise<void> {
  if (links.labelIds) {
    await tx.cardLabel.deleteMany({ where: { cardId } });
    if (links.labelIds.length)
      await tx.cardLabel.createMany({ data: links.labelIds.map((labelId) => ({ cardId, labelId })) });
  }
  if (links.assigneeIds) {
    await tx.cardAssignee.deleteMany({ where: { cardId } });
    if (links.assigneeIds.length)
      await tx.cardAssignee.createMany({ data: links.assigneeIds.map((userId) => ({ cardId, userId })) });
  }
}

/** A move or a new card that would pass a hard limit: 409 with code "wip_limit". */
export class WipLimitError extends AppError {
  constructor(message: string) {
    super("wip_limit", 409, message);
  }
}

/**
 * Checks the column's limit (across lanes) and the lane's limit (in this column) for one more
 * card. Hard limits refuse; soft ones return a warning to show.
 */
export async function checkWipLimits(
  tx: Tx,
  target: { boardId: string; columnId: string; laneId: string | null },
  movingCardId: string | null,
): Promise<string[]> {
  const column = await tx.boardColumn.findFirst({
    where: { id: target.columnId, boardId: target.boardId },
    select: { name: true, wipLimit: true, wipMode: true },
  });
  if (!column) throw new ValidationError({ columnId: ["Choose a column of this board."] });
  const lane = target.laneId
    ? await tx.boardLane.findFirst({
        where: { id: target.laneId, boardId: target.boardId },
        select: { name: true, wipLimit: true },
      })
    : null;
  if (target.laneId && !lane) throw new ValidationError({ laneId: ["Choose a lane of this board."] });
  const warnings: string[] = [];
  const others = movingCardId ? { id: { not: movingCardId } } : {};
  const over = (what: string, limit: number, count: number) => {
    const message = `${what} is at its limit of ${limit} card${limit === 1 ? "" : "s"}${count > limit ? ` (${count} now)` : ""}.`;
    if (column.wipMode === "hard") throw new WipLimitError(`${message} Move a card out first.`);
    warnings.push(`${what} is over its limit: ${count + 1} cards, limit ${limit}.`);
  };
  if (column.wipLimit !== null) {
    const count = await tx.card.count({ where: { columnId: target.columnId, archivedAt: null, ...others } });
    if (count >= column.wipLimit) over(`“${column.name}”`, column.wipLimit, count);
  }
  if (lane && lane.wipLimit !== null) {
    const count = await tx.card.count({
      where: { columnId: target.columnId, laneId: target.laneId, archivedAt: null, ...others },
    });
    if (count >= lane.wipLimit) over(`“${column.name}” in lane “${lane.name}”`, lane.wipLimit, count);
  }
  return warnings;
}

/** The lane a card goes to: the one named, or the board's first lane on a board with swimlanes. */
export async function resolveLane(
  tx: Tx,
  board: { id: string; swimlanesEnabled: boolean },
  laneId: string | null | undefined,
): Promise<string | null> {
  if (!board.swimlanesEnabled) return null;
  if (laneId) return laneId;
  const lanes = await tx.boardLane.findMany({ where: { boardId: board.id }, select: { id: true, position: true } });
  const first = lanes.sort(byPosition)[0];
  if (!first) throw new ValidationError({ laneId: ["Add a lane to this board first."] });
  return first.id;
}

/** The (column, lane) list a card is placed in, without the card itself. */
export function siblingsOf(tx: Tx, target: { columnId: string; laneId: string | null }, exceptId: string | null) {
  return tx.card.findMany({
    where: {
      columnId: target.columnId,
      laneId: target.laneId,
      archivedAt: null,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, position: true },
  });
}

/** A board takes at most BOARD_LIMITS.cards cards (open and archived): 409 beyond. */
export async function assertRoomForCard(tx: Tx, boardId: string): Promise<void> {
  const count = await tx.card.count({ where: { boardId } });
  if (count >= BOARD_LIMITS.cards) {
    throw new ConflictError(
      `This board holds ${BOARD_LIMITS.cards.toLocaleString("en")} cards, its limit. Delete archived cards or use another board.`,
    );
  }
}
