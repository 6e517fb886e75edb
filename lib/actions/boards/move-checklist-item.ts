"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { moveChecklistItem, type ChecklistResult } from "@/lib/data/boards/card-checklist";
import { requestContext } from "@/lib/http/request-context";
import type { ChecklistItemJson } from "@/lib/validations/board";

/** Moves a checklist item up or down (editor): `index` among the other items. */
export async function moveChecklistItemAction(
  boardId: string,
  cardId: string,
  itemId: string,
  index: number,
): Promise<ActionResult<ChecklistResult & { item: ChecklistItemJson }>> {
  return runAction("boards-move-checklist-item", async () =>
    moveChecklistItem(await getViewer(), boardId, cardId, itemId, { index }, await requestContext()),
  );
}
