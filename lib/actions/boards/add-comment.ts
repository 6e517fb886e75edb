"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { addComment } from "@/lib/data/boards/card-comments";
import { requestContext } from "@/lib/http/request-context";
import type { CardCommentJson, CardJson } from "@/lib/validations/board";

/** A comment on a card (editor; Markdown, shown sanitised). */
export async function addCommentAction(
  boardId: string,
  cardId: string,
  input: { body: string },
): Promise<ActionResult<{ comment: CardCommentJson; card: CardJson; seq: number }>> {
  return runAction("boards-add-comment", async () =>
    addComment(await getViewer(), boardId, cardId, input, await requestContext()),
  );
}
