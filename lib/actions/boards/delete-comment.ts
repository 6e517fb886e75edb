"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteComment } from "@/lib/data/boards/card-comments";
import { requestContext } from "@/lib/http/request-context";
import type { CardJson } from "@/lib/validations/board";

/** Deletes a comment: one's own, or any as the board's owner. */
export async function deleteCommentAction(
  boardId: string,
  cardId: string,
  commentId: string,
): Promise<ActionResult<{ commentId: string; card: CardJson; seq: number }>> {
  return runAction("boards-delete-comment", async () =>
    deleteComment(await getViewer(), boardId, cardId, commentId, await requestContext()),
  );
}
