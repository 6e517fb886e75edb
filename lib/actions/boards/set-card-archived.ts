"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { requestContext } from "@/lib/http/request-context";
import { boardVersionSchema, type CardJson } from "@/lib/validations/board";

/** Archives a card (it leaves the board, the archive view lists it) or restores it (editor). */
export async function setCardArchivedAction(
  boardId: string,
  cardId: string,
  archived: boolean,
  version?: number,
): Promise<ActionResult<{ card: CardJson; warnings: string[]; seq: number }>> {
  return runAction("boards-set-card-archived", async () => {
    const expected = boardVersionSchema.safeParse(version);
    return setCardArchived(
      await getViewer(),
      boardId,
      cardId,
      archived === true,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
  });
}
