"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateBoard } from "@/lib/data/boards/update-board";
import { requestContext } from "@/lib/http/request-context";
import { boardVersionSchema, type BoardSettingsJson, type UpdateBoardInput } from "@/lib/validations/board";

/**
 * Board settings, General (owners): name, description, colour, swimlanes. `version`: the one the
 * dialog opened with (a board changed since is refused, 412). The boards list shows the name and
 * colour, so it is revalidated; the board page applies the answer (or reloads, for swimlanes).
 */
export async function updateBoardAction(
  boardId: string,
  input: UpdateBoardInput,
  version?: number,
): Promise<ActionResult<{ board: BoardSettingsJson; seq: number }>> {
  return runAction("boards-update-board", async () => {
    const expected = boardVersionSchema.safeParse(version);
    const result = await updateBoard(
      await getViewer(),
      boardId,
      input,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/board");
    return result;
  });
}
