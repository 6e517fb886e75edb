"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { moveColumn } from "@/lib/data/boards/board-columns";
import { requestContext } from "@/lib/http/request-context";
import type { ColumnJson } from "@/lib/validations/board";

/** A column dragged, or moved left or right from its menu (editor). */
export async function moveColumnAction(
  boardId: string,
  columnId: string,
  index: number,
): Promise<ActionResult<{ column: ColumnJson; seq: number }>> {
  return runAction("boards-move-column", async () =>
    moveColumn(await getViewer(), boardId, columnId, { index }, await requestContext()),
  );
}
