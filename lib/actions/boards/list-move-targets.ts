"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { getBoard } from "@/lib/data/boards/get-board";
import type { BoardJson, ColumnJson, LaneJson } from "@/lib/validations/board";

export type MoveTargets = Pick<BoardJson, "id" | "name" | "swimlanesEnabled" | "role"> & {
  columns: ColumnJson[];
  lanes: LaneJson[];
  /** Enough of each open card to offer "after card …". */
  cards: { id: string; title: string; columnId: string; laneId: string | null; position: string }[];
};

/** "Move to…" with another board chosen: its columns, lanes and cards' titles (board.read and membership). */
export async function listMoveTargetsAction(boardId: string): Promise<ActionResult<MoveTargets>> {
  return runAction("boards-list-move-targets", async () => {
    const board = await getBoard(await getViewer(), boardId);
    return {
      id: board.id,
      name: board.name,
      swimlanesEnabled: board.swimlanesEnabled,
      role: board.role,
      columns: board.columns,
      lanes: board.lanes,
      cards: board.cards.map((c) => ({
        id: c.id,
        title: c.title,
        columnId: c.columnId,
        laneId: c.laneId,
        position: c.position,
      })),
    };
  });
}
