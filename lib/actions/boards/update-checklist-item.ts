"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateChecklistItem, type ChecklistResult } from "@/lib/data/boards/card-checklist";
import { requestContext } from "@/lib/http/request-context";
import type { ChecklistItemJson } from "@/lib/validations/board";

/** Ticks, unticks or rewords a checklist item (editor). */
export async function updateChecklistItemAction(
  boardId: string,
  cardId: string,
  itemId: string,
  input: { text?: string; done?: boolean },
): Promise<ActionResult<ChecklistResult & { item: ChecklistItemJson }>> {
  return runAction("boards-update-checklist-item", async () =>
    updateChecklistItem(await getViewer(), boardId, cardId, itemId, input, await requestContext()),
  );
}
