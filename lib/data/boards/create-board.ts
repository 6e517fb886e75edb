// A new board (board.write): the creator becomes its owner; it starts with the columns asked for
// (default To do, Doing, Done) and, with swimlanes on, one lane.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseOrThrow } from "@/lib/validations/parse";
import { createBoardSchema } from "@/lib/validations/board";
import { freshKeys } from "@/lib/data/boards/positions";

export const DEFAULT_COLUMNS = ["To do", "Doing", "Done"];

export async function createBoard(actor: Actor | null, input: unknown, ctx: RequestContext): Promise<{ id: string }> {
  requirePermission(actor, "board.read");
  requirePermission(actor, "board.write");
  const values = parseOrThrow(createBoardSchema, input);
  const columns = values.columns?.length ? values.columns : DEFAULT_COLUMNS;
  return db.$transaction(async (tx) => {
    const board = await tx.board.create({
      data: {
        name: values.name,
        description: values.description ?? null,
        color: values.color ?? "slate",
        swimlanesEnabled: values.swimlanesEnabled ?? false,
        createdById: actor.userId,
        members: { create: { userId: actor.userId, role: "owner" } },
      },
      select: { id: true },
    });
    const keys = freshKeys(columns.length);
    await tx.boardColumn.createMany({
      data: columns.map((name, i) => ({ boardId: board.id, name, position: keys[i]! })),
    });
    if (values.swimlanesEnabled) {
      await tx.boardLane.create({ data: { boardId: board.id, name: "Default", position: freshKeys(1)[0]! } });
    }
    await audit(
      {
        action: "board.created",
        actorId: actor.userId,
        targetType: "board",
        targetId: board.id,
        metadata: { name: values.name, columns },
        context: ctx,
      },
      tx,
    );
    return board;
  });
}
