"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { moveLane } from "@/lib/data/boards/board-lanes";
import { requestContext } from "@/lib/http/request-context";
import type { LaneJson } from "@/lib/validations/board";

/** Moves a swimlane up or down (editor). */
export async function moveLaneAction(
  boardId: string,
  laneId: string,
  index: number,
): Promise<ActionResult<{ lane: LaneJson; seq: number }>> {
  return runAction("boards-move-lane", async () =>
    moveLane(await getViewer(), boardId, laneId, { index }, await requestContext()),
  );
}
