// A board's swimlanes (editors, and board.manage; only while the board shows swimlanes): add one
// (at most BOARD_LIMITS.lanes, at the end), rename it or set its per-column WIP limit, move it (one
// row written), delete it. A lane that still holds cards, open or archived, is not deleted, nor is
// the last lane of a board with swimlanes (its cards need one).
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
  createLaneSchema,
  reorderSchema,
  updateLaneSchema,
  type LaneJson,
} from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { laneSelect, toLaneJson } from "@/lib/data/boards/board-json";
import { holds } from "@/lib/data/boards/board-columns";
import { keyAt } from "@/lib/data/boards/positions";

export const LANE_NOT_FOUND = "Lane not found.";
export const SWIMLANES_OFF = "This board does not show swimlanes. Turn them on in its settings first.";

async function assertSwimlanes(tx: Tx, boardId: string): Promise<void> {
  const board = await tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { swimlanesEnabled: true } });
  if (!board.swimlanesEnabled) throw new ConflictError(SWIMLANES_OFF);
}

async function readLane(tx: Tx, boardId: string, laneId: unknown): Promise<LaneJson> {
  const parsed = boardEntityIdSchema.safeParse(laneId);
  if (!parsed.success) throw new NotFoundError(LANE_NOT_FOUND);
  const row = await tx.boardLane.findFirst({ where: { id: parsed.data, boardId }, select: laneSelect });
  if (!row) throw new NotFoundError(LANE_NOT_FOUND);
  await assertSwimlanes(tx, boardId);
  return toLaneJson(row);
}

function siblingLanes(tx: Tx, boardId: string, exceptId: string | null) {
  return tx.boardLane.findMany({
    where: { boardId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, position: true },
  });
}

export async function createLane(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ lane: LaneJson; seq: number }> {
  const values = parseOrThrow(createLaneSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    await assertSwimlanes(tx, access.boardId);
    const siblings = await siblingLanes(tx, access.boardId, null);
    if (siblings.length >= BOARD_LIMITS.lanes) {
      throw new ConflictError(`A board has at most ${BOARD_LIMITS.lanes} swimlanes. Delete one first.`);
    }
    const lane = toLaneJson(
      await tx.boardLane.create({
        data: {
          boardId: access.boardId,
          name: values.name,
          position: keyAt(siblings, Number.MAX_SAFE_INTEGER),
          wipLimit: values.wipLimit ?? null,
        },
        select: laneSelect,
      }),
    );
    return {
      result: lane,
      kind: "lane.changed",
      payload: { lanes: [lane] },
      audit: {
        action: "board.lane_created",
        targetType: "board_lane",
        targetId: lane.id,
        metadata: { name: lane.name, wipLimit: lane.wipLimit },
      },
    };
  });
  return { lane: result, seq };
}

export async function updateLane(
  actor: Actor | null,
  boardId: unknown,
  laneId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ lane: LaneJson; seq: number }> {
  const values = parseOrThrow(updateLaneSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readLane(tx, access.boardId, laneId);
    const { changed, metadata } = changeMetadata<"name" | "wipLimit">(current, {
      name: values.name,
      wipLimit: values.wipLimit,
    });
    const lane = changed.length
      ? toLaneJson(
          await tx.boardLane.update({
            where: { id: current.id },
            data: { ...Object.fromEntries(changed.map((k) => [k, values[k]])), version: { increment: 1 } },
            select: laneSelect,
          }),
        )
      : current;
    return {
      result: lane,
      kind: "lane.changed",
      payload: { lanes: [lane] },
      audit: {
        action: "board.lane_updated",
        targetType: "board_lane",
        targetId: current.id,
        metadata: { name: current.name, ...metadata },
      },
    };
  });
  return { lane: result, seq };
}

/** Puts the lane at `index` among the board's lanes (0 = top); writes that one row. */
export async function moveLane(
  actor: Actor | null,
  boardId: unknown,
  laneId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ lane: LaneJson; seq: number }> {
  const values = parseOrThrow(reorderSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readLane(tx, access.boardId, laneId);
    const position = keyAt(await siblingLanes(tx, access.boardId, current.id), values.index);
    const lane = toLaneJson(
      await tx.boardLane.update({
        where: { id: current.id },
        data: { position, version: { increment: 1 } },
        select: laneSelect,
      }),
    );
    return {
      result: lane,
      kind: "lane.changed",
      payload: { lanes: [lane] },
      audit: {
        action: "board.lane_moved",
        targetType: "board_lane",
        targetId: current.id,
        metadata: { name: current.name, index: values.index },
      },
    };
  });
  return { lane: result, seq };
}

export async function deleteLane(
  actor: Actor | null,
  boardId: unknown,
  laneId: unknown,
  ctx: RequestContext,
): Promise<{ laneId: string; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readLane(tx, access.boardId, laneId);
    const open = await tx.card.count({ where: { laneId: current.id, archivedAt: null } });
    const archived = await tx.card.count({ where: { laneId: current.id, archivedAt: { not: null } } });
    if (open + archived > 0) {
      const them = open + archived === 1 ? "it" : "them";
      throw new ConflictError(
        `Lane “${current.name}” still holds ${holds(open, archived)}. Move ${them} to another lane or delete ${them} first.`,
      );
    }
    if ((await tx.boardLane.count({ where: { boardId: access.boardId } })) <= 1) {
      throw new ConflictError(
        "A board with swimlanes needs at least one lane. Add another first, or turn swimlanes off.",
      );
    }
    await tx.boardLane.delete({ where: { id: current.id } });
    return {
      result: current.id,
      kind: "lane.changed",
      payload: { removedLaneIds: [current.id] },
      audit: {
        action: "board.lane_deleted",
        targetType: "board_lane",
        targetId: current.id,
        targetName: current.name,
        metadata: { name: current.name },
      },
    };
  });
  return { laneId: result, seq };
}
