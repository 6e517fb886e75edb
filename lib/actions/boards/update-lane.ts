"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateLane } from "@/lib/data/boards/board-lanes";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { LaneJson, updateLaneSchema } from "@/lib/validations/board";

type UpdateLaneInput = z.input<typeof updateLaneSchema>;

/** Renames a swimlane or sets its WIP limit (editor). */
export async function updateLaneAction(
  boardId: string,
  laneId: string,
  input: UpdateLaneInput,
): Promise<ActionResult<{ lane: LaneJson; seq: number }>> {
  return runAction("boards-update-lane", async () =>
    updateLane(await getViewer(), boardId, laneId, input, await requestContext()),
  );
}
