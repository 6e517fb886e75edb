"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { removeChecklistItem, type ChecklistResult } from "@/lib/data/boards/card-checklist";
import { requestContext } from "@/lib/http/request-context";

/** Removes a checklist item (editor). */
export async function removeChecklistItemAction(
  boardId: string,
  cardId: string,
  itemId: string,
): Promise<ActionResult<ChecklistResult>> {
  return runAction("boards-remove-checklist-item", async () =>
    removeChecklistItem(await getViewer(), boardId, cardId, itemId, await requestContext()),
  );
}
