"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteLabel } from "@/lib/data/boards/board-labels";
import { requestContext } from "@/lib/http/request-context";

/** Deletes a label; the cards that had it lose it (editor). */
export async function deleteLabelAction(
  boardId: string,
  labelId: string,
): Promise<ActionResult<{ labelId: string; seq: number }>> {
  return runAction("boards-delete-label", async () =>
    deleteLabel(await getViewer(), boardId, labelId, await requestContext()),
  );
}
