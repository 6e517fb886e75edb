"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteColumn } from "@/lib/data/boards/board-columns";
import { requestContext } from "@/lib/http/request-context";

/** Deletes an empty column (editor); one still holding cards is refused (409). */
export async function deleteColumnAction(
  boardId: string,
  columnId: string,
): Promise<ActionResult<{ columnId: string; seq: number }>> {
  return runAction("boards-delete-column", async () =>
    deleteColumn(await getViewer(), boardId, columnId, await requestContext()),
  );
}
