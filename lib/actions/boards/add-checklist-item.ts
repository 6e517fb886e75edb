"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { addChecklistItem, type ChecklistResult } from "@/lib/data/boards/card-checklist";
import { requestContext } from "@/lib/http/request-context";
import type { ChecklistItemJson } from "@/lib/validations/board";

/** The card dialog's checklist: a new item at the end (editor). */
export async function addChecklistItemAction(
  boardId: string,
  cardId: string,
  input: { text: string; done?: boolean },
): Promise<ActionResult<ChecklistResult & { item: ChecklistItemJson }>> {
  return runAction("boards-add-checklist-item", async () =>
    addChecklistItem(await getViewer(), boardId, cardId, input, await requestContext()),
  );
}
