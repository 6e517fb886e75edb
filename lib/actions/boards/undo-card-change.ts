"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { undoCardChange } from "@/lib/data/boards/undo-card-change";
import { requestContext } from "@/lib/http/request-context";
import type { CardJson } from "@/lib/validations/board";

/**
 * Ctrl+Z on the board, or a toast's "Undo": reverts the caller's latest undoable change on the
 * board, read from the server's operation log. Refused (409) when someone else changed the card since.
 */
export async function undoCardChangeAction(
  boardId: string,
): Promise<ActionResult<{ card: CardJson; undone: string; warnings: string[]; seq: number }>> {
  return runAction("boards-undo-card-change", async () =>
    undoCardChange(await getViewer(), boardId, await requestContext()),
  );
}
