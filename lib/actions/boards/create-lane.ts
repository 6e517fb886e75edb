"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createLane } from "@/lib/data/boards/board-lanes";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { LaneJson, createLaneSchema } from "@/lib/validations/board";

type CreateLaneInput = z.input<typeof createLaneSchema>;

/** Adds a swimlane (editor; the board must have swimlanes on). */
export async function createLaneAction(
  boardId: string,
  input: CreateLaneInput,
): Promise<ActionResult<{ lane: LaneJson; seq: number }>> {
  return runAction("boards-create-lane", async () =>
    createLane(await getViewer(), boardId, input, await requestContext()),
  );
}
