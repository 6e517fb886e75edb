"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteCard } from "@/lib/data/boards/delete-card";
import { requestContext } from "@/lib/http/request-context";

/** The archive view's "Delete": an archived card goes for good (editor; an open card is refused, 409). */
export async function deleteCardAction(
  boardId: string,
  cardId: string,
): Promise<ActionResult<{ cardId: string; seq: number }>> {
  return runAction("boards-delete-card", async () =>
    deleteCard(await getViewer(), boardId, cardId, await requestContext()),
  );
}
