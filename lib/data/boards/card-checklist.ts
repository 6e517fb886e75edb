// A card's checklist (editors, and board.manage): add an item (at most BOARD_LIMITS.checklistItems,
// at the end), tick it or reword it, remove it, move it (one row written). Each change bumps the
// card's version (its JSON carries the done/total counts viewers show) and is in the card's
// history. The change's event names no card for undo: ticking an item neither is undone by
// Ctrl+Z nor stands in the way of undoing the card's last move or edit.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import type { AuditValue } from "@/lib/audit/audit";
import { parseOrThrow } from "@/lib/validations/parse";
import {
  BOARD_LIMITS,
  boardEntityIdSchema,
  checklistItemSchema,
  reorderSchema,
  updateChecklistItemSchema,
  type CardJson,
  type ChecklistItemJson,
} from "@/lib/validations/board";
import { boardWrite, type BoardChange } from "@/lib/data/boards/board-write";
import { byPosition, cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { readCard } from "@/lib/data/boards/card-record";
import { checklistSelect } from "@/lib/data/boards/get-card";
import { visibleCard } from "@/lib/data/boards/get-board";
import { keyAt } from "@/lib/data/boards/positions";

export const CHECKLIST_ITEM_NOT_FOUND = "Checklist item not found.";

export type ChecklistResult = { card: CardJson; checklist: ChecklistItemJson[]; seq: number };

type Edit = (
  tx: Tx,
  card: CardJson,
  items: ChecklistItemJson[],
) => Promise<{ metadata: Record<string, AuditValue>; item?: ChecklistItemJson }>;

/** One checklist change of a card: the card's version moves on, viewers get the card, the card's history a line. */
async function changeChecklist(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  ctx: RequestContext,
  edit: Edit,
): Promise<ChecklistResult & { item?: ChecklistItemJson }> {
  const { result, seq } = await boardWrite(
    actor,
    boardId,
    ctx,
    { needs: "editor" },
    async (tx, access): Promise<BoardChange<Omit<ChecklistResult, "seq"> & { item?: ChecklistItemJson }>> => {
      const current = await readCard(tx, access.boardId, cardId);
      const items = await tx.checklistItem.findMany({ where: { cardId: current.id }, select: checklistSelect });
      const done = await edit(tx, current, items.sort(byPosition));
      await tx.card.update({
        where: { id: current.id },
        data: { version: { increment: 1 }, updatedById: actor!.userId },
      });
      const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
      const checklist = (
        await tx.checklistItem.findMany({ where: { cardId: current.id }, select: checklistSelect })
      ).sort(byPosition);
      return {
        result: { card, checklist, item: done.item },
        kind: "card.details_changed",
        payload: { cards: [card] },
        audit: {
          action: "card.checklist_changed",
          targetType: "card",
          targetId: current.id,
          metadata: { title: current.title, ...done.metadata },
        },
      };
    },
  );
  return { ...result, card: visibleCard(actor!, result.card), seq };
}

function findItem(items: ChecklistItemJson[], itemId: unknown): ChecklistItemJson {
  const parsed = boardEntityIdSchema.safeParse(itemId);
  const item = parsed.success ? items.find((i) => i.id === parsed.data) : undefined;
  if (!item) throw new NotFoundError(CHECKLIST_ITEM_NOT_FOUND);
  return item;
}

export async function addChecklistItem(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<ChecklistResult & { item: ChecklistItemJson }> {
  const values = parseOrThrow(checklistItemSchema, input);
  const done = await changeChecklist(actor, boardId, cardId, ctx, async (tx, card, items) => {
    if (items.length >= BOARD_LIMITS.checklistItems) {
      throw new ConflictError(`A card has at most ${BOARD_LIMITS.checklistItems} checklist items.`);
    }
    const item = await tx.checklistItem.create({
      data: {
        cardId: card.id,
        text: values.text,
        done: values.done ?? false,
        position: keyAt(items, Number.MAX_SAFE_INTEGER),
      },
      select: checklistSelect,
    });
    return { item, metadata: { change: "added", itemId: item.id, text: item.text, done: item.done } };
  });
  return { ...done, item: done.item! };
}

/** Ticks, unticks or rewords an item. */
export async function updateChecklistItem(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  itemId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<ChecklistResult & { item: ChecklistItemJson }> {
  const values = parseOrThrow(updateChecklistItemSchema, input);
  const done = await changeChecklist(actor, boardId, cardId, ctx, async (tx, _card, items) => {
    const current = findItem(items, itemId);
    const item = await tx.checklistItem.update({
      where: { id: current.id },
      data: { text: values.text, done: values.done },
      select: checklistSelect,
    });
    const change =
      values.done !== undefined && values.done !== current.done ? (item.done ? "done" : "undone") : "edited";
    return {
      item,
      metadata: {
        change,
        itemId: item.id,
        text: item.text,
        ...(values.text !== undefined && values.text !== current.text ? { textBefore: current.text } : {}),
      },
    };
  });
  return { ...done, item: done.item! };
}

export async function removeChecklistItem(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  itemId: unknown,
  ctx: RequestContext,
): Promise<ChecklistResult> {
  const { item: _removed, ...done } = await changeChecklist(actor, boardId, cardId, ctx, async (tx, _card, items) => {
    const current = findItem(items, itemId);
    await tx.checklistItem.delete({ where: { id: current.id } });
    return { metadata: { change: "removed", itemId: current.id, text: current.text } };
  });
  return done;
}

/** Puts the item at `index` of the checklist (0 = first); writes that one row. */
export async function moveChecklistItem(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  itemId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<ChecklistResult & { item: ChecklistItemJson }> {
  const values = parseOrThrow(reorderSchema, input);
  const done = await changeChecklist(actor, boardId, cardId, ctx, async (tx, _card, items) => {
    const current = findItem(items, itemId);
    const item = await tx.checklistItem.update({
      where: { id: current.id },
      data: {
        position: keyAt(
          items.filter((i) => i.id !== current.id),
          values.index,
        ),
      },
      select: checklistSelect,
    });
    return { item, metadata: { change: "moved", itemId: item.id, text: item.text, index: values.index } };
  });
  return { ...done, item: done.item! };
}
