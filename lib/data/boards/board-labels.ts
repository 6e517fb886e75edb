// A board's labels (editors, and board.manage): add one (at most BOARD_LIMITS.labels), rename or
// recolour it, delete it. Names are unique on a board whatever their case ("Bug" and "bug" would
// be one label to a reader): a taken name is a 409 naming the field. Deleting a label takes it off
// every card; viewers get those cards (or, when there are many, are told to reload).
import "server-only";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import {
  BOARD_LIMITS,
  boardEntityIdSchema,
  labelSchema,
  updateLabelSchema,
  type BoardChangePayload,
  type LabelJson,
} from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, labelSelect, toCardJson, toLabelJson } from "@/lib/data/boards/board-json";

export const LABEL_NOT_FOUND = "Label not found.";

/** Up to this many cards losing a deleted label are sent to viewers; beyond, they reload. */
export const LABEL_CARDS_IN_EVENT = 200;

async function readLabel(tx: Tx, boardId: string, labelId: unknown): Promise<LabelJson> {
  const parsed = boardEntityIdSchema.safeParse(labelId);
  if (!parsed.success) throw new NotFoundError(LABEL_NOT_FOUND);
  const row = await tx.boardLabel.findFirst({ where: { id: parsed.data, boardId }, select: labelSelect });
  if (!row) throw new NotFoundError(LABEL_NOT_FOUND);
  return toLabelJson(row);
}

/** 409 on the name field when another label of the board has this name, in any case. */
async function assertNameFree(tx: Tx, boardId: string, name: string, exceptId: string | null): Promise<void> {
  const labels = await tx.boardLabel.findMany({ where: { boardId }, select: { id: true, name: true } });
  const wanted = name.toLocaleLowerCase();
  if (labels.some((l) => l.id !== exceptId && l.name.toLocaleLowerCase() === wanted)) {
    const message = `This board already has a label called “${name}”.`;
    throw new ConflictError(message, { name: [message] });
  }
}

export async function createLabel(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ label: LabelJson; seq: number }> {
  const values = parseOrThrow(labelSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    if ((await tx.boardLabel.count({ where: { boardId: access.boardId } })) >= BOARD_LIMITS.labels) {
      throw new ConflictError(`A board has at most ${BOARD_LIMITS.labels} labels. Delete one first.`);
    }
    await assertNameFree(tx, access.boardId, values.name, null);
    const label = toLabelJson(
      await tx.boardLabel.create({
        data: { boardId: access.boardId, name: values.name, color: values.color },
        select: labelSelect,
      }),
    );
    return {
      result: label,
      kind: "label.changed",
      payload: { labels: [label] },
      audit: {
        action: "board.label_created",
        targetType: "board_label",
        targetId: label.id,
        metadata: { name: label.name, color: label.color },
      },
    };
  });
  return { label: result, seq };
}

/** Renames or recolours a label (updateLabelSchema: either field; a full labelSchema body fits too). */
export async function updateLabel(
  actor: Actor | null,
  boardId: unknown,
  labelId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ label: LabelJson; seq: number }> {
  const values = parseOrThrow(updateLabelSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readLabel(tx, access.boardId, labelId);
    const { changed, metadata } = changeMetadata<"name" | "color">(current, {
      name: values.name,
      color: values.color,
    });
    if (changed.includes("name")) await assertNameFree(tx, access.boardId, values.name!, current.id);
    const label = changed.length
      ? toLabelJson(
          await tx.boardLabel.update({
            where: { id: current.id },
            data: Object.fromEntries(changed.map((k) => [k, values[k]])),
            select: labelSelect,
          }),
        )
      : current;
    return {
      result: label,
      kind: "label.changed",
      payload: { labels: [label] },
      audit: {
        action: "board.label_updated",
        targetType: "board_label",
        targetId: current.id,
        metadata: { name: current.name, ...metadata },
      },
    };
  });
  return { label: result, seq };
}

export async function deleteLabel(
  actor: Actor | null,
  boardId: unknown,
  labelId: unknown,
  ctx: RequestContext,
): Promise<{ labelId: string; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readLabel(tx, access.boardId, labelId);
    const tagged = (await tx.cardLabel.findMany({ where: { labelId: current.id }, select: { cardId: true } })).map(
      (c) => c.cardId,
    );
    // The cards' label sets change: their versions move on, so an edit made before is refused (412).
    if (tagged.length) {
      await tx.card.updateMany({ where: { id: { in: tagged } }, data: { version: { increment: 1 } } });
    }
    await tx.boardLabel.delete({ where: { id: current.id } });
    const payload: BoardChangePayload = { removedLabelIds: [current.id] };
    if (tagged.length > LABEL_CARDS_IN_EVENT) {
      payload.reload = true;
    } else if (tagged.length) {
      // Open cards only: archived ones are not on the board.
      const cards = await tx.card.findMany({ where: { id: { in: tagged }, archivedAt: null }, select: cardSelect });
      if (cards.length) payload.cards = cards.map(toCardJson);
    }
    return {
      result: current.id,
      kind: "label.changed",
      payload,
      audit: {
        action: "board.label_deleted",
        targetType: "board_label",
        targetId: current.id,
        targetName: current.name,
        metadata: { name: current.name, color: current.color, cards: tagged.length },
      },
    };
  });
  return { labelId: result, seq };
}
