"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setBoardArchived } from "@/lib/data/boards/set-board-archived";
import { requestContext } from "@/lib/http/request-context";
import type { BoardSettingsJson } from "@/lib/validations/board";

/** Archives a board (it becomes read-only and moves to "Archived boards") or restores it (owners). */
export async function setBoardArchivedAction(
  boardId: string,
  archived: boolean,
): Promise<ActionResult<{ board: BoardSettingsJson; seq: number }>> {
  return runAction("boards-set-board-archived", async () => {
    const result = await setBoardArchived(await getViewer(), boardId, archived === true, await requestContext());
    revalidatePath("/board", "layout");
    return result;
  });
}
