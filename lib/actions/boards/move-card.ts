"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { moveCard, type MoveResult } from "@/lib/data/boards/move-card";
import { requestContext } from "@/lib/http/request-context";
import { boardVersionSchema, type MoveCardInput } from "@/lib/validations/board";

/**
 * A drop, a "Move to…" or a move shortcut: the card goes to `index` of a (column, lane), on this
 * board or another the caller edits. A hard WIP limit refuses it (code "wip_limit"); a soft one
 * answers with warnings. `version`: the one the board showed, when the move was made from it.
 */
export async function moveCardAction(
  boardId: string,
  cardId: string,
  input: MoveCardInput,
  version?: number,
): Promise<ActionResult<MoveResult>> {
  return runAction("boards-move-card", async () => {
    const expected = boardVersionSchema.safeParse(version);
    return moveCard(
      await getViewer(),
      boardId,
      cardId,
      input,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
  });
}
