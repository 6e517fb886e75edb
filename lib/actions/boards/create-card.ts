"use server";
// Card actions answer with the card as the server wrote it (and its change number) and do not
// revalidate the board page: the page applies the answer itself (components/board/board-state.ts),
// so a move costs one small response instead of the whole board re-rendered.
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createCard } from "@/lib/data/boards/create-card";
import { requestContext } from "@/lib/http/request-context";
import type { CardJson, CreateCardInput } from "@/lib/validations/board";

/** A column's "Add card" field (editor). */
export async function createCardAction(
  boardId: string,
  input: CreateCardInput,
): Promise<ActionResult<{ card: CardJson; warnings: string[]; seq: number }>> {
  return runAction("boards-create-card", async () =>
    createCard(await getViewer(), boardId, input, await requestContext()),
  );
}
