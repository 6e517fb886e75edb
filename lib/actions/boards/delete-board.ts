"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteBoard } from "@/lib/data/boards/set-board-archived";
import { requestContext } from "@/lib/http/request-context";

/** Deletes an archived board for good, with everything on it (owners; an open board is refused, 409). */
export async function deleteBoardAction(boardId: string): Promise<ActionResult<{ boardId: string }>> {
  return runAction("boards-delete-board", async () => {
    const result = await deleteBoard(await getViewer(), boardId, await requestContext());
    revalidatePath("/board");
    return result;
  });
}
