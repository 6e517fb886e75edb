"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { getCard } from "@/lib/data/boards/get-card";
import type { CardDetailJson } from "@/lib/validations/board";

/** The card dialog's contents: the card, its checklist, comments and history (members of the board). */
export async function getCardAction(boardId: string, cardId: string): Promise<ActionResult<CardDetailJson>> {
  return runAction("boards-get-card", async () => getCard(await getViewer(), boardId, cardId));
}
