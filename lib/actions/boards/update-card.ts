"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateCard } from "@/lib/data/boards/update-card";
import { requestContext } from "@/lib/http/request-context";
import { boardVersionSchema, type CardJson, type UpdateCardInput } from "@/lib/validations/board";

/**
 * Saves fields of a card (the card dialog, the board's shortcuts). `version`: the one the dialog
 * showed; a card changed since is refused (412) and the dialog reloads it.
 */
export async function updateCardAction(
  boardId: string,
  cardId: string,
  input: UpdateCardInput,
  version?: number,
): Promise<ActionResult<{ card: CardJson; seq: number }>> {
  return runAction("boards-update-card", async () => {
    const expected = boardVersionSchema.safeParse(version);
    return updateCard(
      await getViewer(),
      boardId,
      cardId,
      input,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
  });
}
