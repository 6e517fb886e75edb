"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { getBoard } from "@/lib/data/boards/get-board";
import type { BoardJson } from "@/lib/validations/board";

/** The whole board again, when the page's live stream says it fell behind (or a change asks for it). */
export async function getBoardAction(boardId: string): Promise<ActionResult<BoardJson>> {
  return runAction("boards-get-board", async () => getBoard(await getViewer(), boardId));
}
