"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteLane } from "@/lib/data/boards/board-lanes";
import { requestContext } from "@/lib/http/request-context";

/** Deletes an empty swimlane (editor). */
export async function deleteLaneAction(
  boardId: string,
  laneId: string,
): Promise<ActionResult<{ laneId: string; seq: number }>> {
  return runAction("boards-delete-lane", async () =>
    deleteLane(await getViewer(), boardId, laneId, await requestContext()),
  );
}
