// A board's columns (editors, and board.manage): add one (at an index, default the end; at most
// BOARD_LIMITS.columns), rename or recolour it, set its WIP limit and mode, move it (one row
// written: a fractional key between its new neighbours), delete it. A column that still holds
// cards, open or archived, is not deleted (the cards would have nowhere to go), nor is a board's
// last column.
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
  createColumnSchema,
  reorderSchema,
  updateColumnSchema,
  type ColumnJson,
} from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { columnSelect, toColumnJson } from "@/lib/data/boards/board-json";
import { keyAt } from "@/lib/data/boards/positions";

export const COLUMN_NOT_FOUND = "Column not found.";

async function readColumn(tx: Tx, boardId: string, columnId: unknown): Promise<ColumnJson> {
  const parsed = boardEntityIdSchema.safeParse(columnId);
  if (!parsed.success) throw new NotFoundError(COLUMN_NOT_FOUND);
  const row = await tx.boardColumn.findFirst({ where: { id: parsed.data, boardId }, select: columnSelect });
  if (!row) throw new NotFoundError(COLUMN_NOT_FOUND);
  return toColumnJson(row);
}

function siblingColumns(tx: Tx, boardId: string, exceptId: string | null) {
  return tx.boardColumn.findMany({
    where: { boardId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, position: true },
  });
}

export async function createColumn(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ column: ColumnJson; seq: number }> {
  const values = parseOrThrow(createColumnSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const siblings = await siblingColumns(tx, access.boardId, null);
    if (siblings.length >= BOARD_LIMITS.columns) {
      throw new ConflictError(`A board has at most ${BOARD_LIMITS.columns} columns. Delete one first.`);
    }
    const column = toColumnJson(
      await tx.boardColumn.create({
        data: {
          boardId: access.boardId,
          name: values.name,
          position: keyAt(siblings, values.index ?? Number.MAX_SAFE_INTEGER),
          color: values.color ?? null,
          wipLimit: values.wipLimit ?? null,
          wipMode: values.wipMode ?? "soft",
        },
        select: columnSelect,
      }),
    );
    return {
      result: column,
      kind: "column.changed",
      payload: { columns: [column] },
      audit: {
        action: "board.column_created",
        targetType: "board_column",
        targetId: column.id,
        metadata: { name: column.name, wipLimit: column.wipLimit, wipMode: column.wipMode },
      },
    };
  });
  return { column: result, seq };
}

export async function updateColumn(
  actor: Actor | null,
  boardId: unknown,
  columnId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ column: ColumnJson; seq: number }> {
  const values = parseOrThrow(updateColumnSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readColumn(tx, access.boardId, columnId);
    const { changed, metadata } = changeMetadata<"name" | "color" | "wipLimit" | "wipMode">(current, {
      name: values.name,
      color: values.color,
      wipLimit: values.wipLimit,
      wipMode: values.wipMode,
    });
    const column = changed.length
      ? toColumnJson(
          await tx.boardColumn.update({
            where: { id: current.id },
            data: { ...Object.fromEntries(changed.map((k) => [k, values[k]])), version: { increment: 1 } },
            select: columnSelect,
          }),
        )
      : current;
    return {
      result: column,
      kind: "column.changed",
      payload: { columns: [column] },
      audit: {
        action: "board.column_updated",
        targetType: "board_column",
        targetId: current.id,
        metadata: { name: current.name, ...metadata },
      },
    };
  });
  return { column: result, seq };
}

/** Puts the column at `index` among the board's columns (0 = first); writes that one row. */
export async function moveColumn(
  actor: Actor | null,
  boardId: unknown,
  columnId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ column: ColumnJson; seq: number }> {
  const values = parseOrThrow(reorderSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readColumn(tx, access.boardId, columnId);
    const position = keyAt(await siblingColumns(tx, access.boardId, current.id), values.index);
    const column = toColumnJson(
      await tx.boardColumn.update({
        where: { id: current.id },
        data: { position, version: { increment: 1 } },
        select: columnSelect,
      }),
    );
    return {
      result: column,
      kind: "column.changed",
      payload: { columns: [column] },
      audit: {
        action: "board.column_moved",
        targetType: "board_column",
        targetId: current.id,
        metadata: { name: current.name, index: values.index },
      },
    };
  });
  return { column: result, seq };
}

export async function deleteColumn(
  actor: Actor | null,
  boardId: unknown,
  columnId: unknown,
  ctx: RequestContext,
): Promise<{ columnId: string; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readColumn(tx, access.boardId, columnId);
    const [open, archived, columns] = await Promise.all([
      tx.card.count({ where: { columnId: current.id, archivedAt: null } }),
      tx.card.count({ where: { columnId: current.id, archivedAt: { not: null } } }),
      tx.boardColumn.count({ where: { boardId: access.boardId } }),
    ]);
    if (open + archived > 0) {
      throw new ConflictError(
        `“${current.name}” still holds ${holds(open, archived)}. Move ${open + archived === 1 ? "it" : "them"} to another column or delete ${open + archived === 1 ? "it" : "them"} first.`,
      );
    }
    if (columns <= 1)
      throw new ConflictError("A board needs at least one column. Add another before deleting this one.");
    await tx.boardColumn.delete({ where: { id: current.id } });
    return {
      result: current.id,
      kind: "column.changed",
      payload: { removedColumnIds: [current.id] },
      audit: {
        action: "board.column_deleted",
        targetType: "board_column",
        targetId: current.id,
        targetName: current.name,
        metadata: { name: current.name },
      },
    };
  });
  return { columnId: result, seq };
}

/** "3 cards (1 of them archived)", "1 archived card". */
export function holds(open: number, archived: number): string {
  const total = open + archived;
  const cards = `${total} card${total === 1 ? "" : "s"}`;
  if (archived === 0) return cards;
  if (open === 0) return `${total} archived card${total === 1 ? "" : "s"}`;
  return `${cards} (${archived} of them archived)`;
}
