// Changes a board's settings (owners, and board.manage): name, description, colour, swimlanes.
// Only what differs is written and audited (before and after); a real change bumps the board's
// version, and with `expectedVersion` (If-Match, the settings dialog's version) a board changed
// since is refused with 412. Turning swimlanes on gives a board without lanes a "Default" lane and
// puts every card in the first lane; turning them off takes every card out of its lane (lanes are
// kept for next time; a column's lanes become one list, lane after lane). Either way so much moves that viewers are told to reload.
import "server-only";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { updateBoardSchema, type BoardColor, type BoardSettingsJson, type LaneJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { byPosition, laneSelect, toLaneJson } from "@/lib/data/boards/board-json";
import { freshKeys } from "@/lib/data/boards/positions";

export const DEFAULT_LANE_NAME = "Default";

type Field = "name" | "description" | "color" | "swimlanesEnabled";

export const boardSettingsSelect = {
  id: true,
  name: true,
  description: true,
  color: true,
  swimlanesEnabled: true,
  archivedAt: true,
  version: true,
} as const;

export function toBoardSettingsJson(row: {
  id: string;
  name: string;
  description: string | null;
  color: string;
  swimlanesEnabled: boolean;
  archivedAt: Date | null;
  version: number;
}): BoardSettingsJson {
  return { ...row, color: row.color as BoardColor, archivedAt: row.archivedAt?.toISOString() ?? null };
}

export async function updateBoard(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ board: BoardSettingsJson; seq: number }> {
  const values = parseOrThrow(updateBoardSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "owner" }, async (tx, access) => {
    const current = await tx.board.findUniqueOrThrow({ where: { id: access.boardId }, select: boardSettingsSelect });
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
    const after: Partial<Record<Field, string | boolean | null | undefined>> = {
      name: values.name,
      description: values.description,
      color: values.color,
      swimlanesEnabled: values.swimlanesEnabled,
    };
    const { changed, metadata } = changeMetadata<Field>(current, after);
    let board = toBoardSettingsJson(current);
    let lanes: LaneJson[] | null = null;
    if (changed.length) {
      const data = Object.fromEntries(changed.map((k) => [k, after[k]]));
      board = toBoardSettingsJson(
        await tx.board.update({
          where: { id: current.id },
          data: { ...data, version: { increment: 1 } },
          select: boardSettingsSelect,
        }),
      );
      if (changed.includes("swimlanesEnabled")) {
        lanes = await (board.swimlanesEnabled ? putCardsInLanes(tx, current.id) : takeCardsOutOfLanes(tx, current.id));
      }
    }
    return {
      result: board,
      kind: "board.updated",
      payload: lanes ? { board, lanes, reload: true } : { board },
      audit: {
        action: "board.updated",
        targetType: "board",
        targetId: current.id,
        metadata: { name: current.name, ...metadata },
      },
    };
  });
  return { board: result, seq };
}

/** Swimlanes on: a lane to put cards in (a "Default" one if the board has none), every card in the first. */
async function putCardsInLanes(tx: Tx, boardId: string): Promise<LaneJson[]> {
  let lanes = (await tx.boardLane.findMany({ where: { boardId }, select: laneSelect })).sort(byPosition);
  if (lanes.length === 0) {
    lanes = [
      await tx.boardLane.create({
        data: { boardId, name: DEFAULT_LANE_NAME, position: freshKeys(1)[0]! },
        select: laneSelect,
      }),
    ];
  }
  // Each column's cards were one list; they stay one list, in the same order, in the first lane.
  await tx.card.updateMany({ where: { boardId }, data: { laneId: lanes[0]!.id, version: { increment: 1 } } });
  return lanes.map(toLaneJson);
}

/**
 * Swimlanes off: every card leaves its lane; the lanes stay, empty, for when they are turned on
 * again. A column whose cards were in several lanes becomes one list, lane after lane, re-keyed so
 * that no two of its cards share a key.
 */
async function takeCardsOutOfLanes(tx: Tx, boardId: string): Promise<LaneJson[]> {
  const lanes = (await tx.boardLane.findMany({ where: { boardId }, select: laneSelect })).sort(byPosition);
  const laneRank = new Map(lanes.map((l, i) => [l.id, i]));
  const cards = await tx.card.findMany({
    where: { boardId, laneId: { not: null } },
    select: { id: true, columnId: true, laneId: true, position: true },
  });
  const byColumn = new Map<string, typeof cards>();
  for (const card of cards) byColumn.set(card.columnId, [...(byColumn.get(card.columnId) ?? []), card]);
  for (const list of byColumn.values()) {
    if (new Set(list.map((c) => c.laneId)).size < 2) continue;
    const ordered = list.sort(
      (a, b) => (laneRank.get(a.laneId!) ?? 0) - (laneRank.get(b.laneId!) ?? 0) || byPosition(a, b),
    );
    const keys = freshKeys(ordered.length);
    for (const [i, card] of ordered.entries()) {
      await tx.card.update({
        where: { id: card.id },
        data: { laneId: null, position: keys[i]!, version: { increment: 1 } },
      });
    }
  }
  await tx.card.updateMany({
    where: { boardId, laneId: { not: null } },
    data: { laneId: null, version: { increment: 1 } },
  });
  return lanes.map(toLaneJson);
}
