"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createLabel } from "@/lib/data/boards/board-labels";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { LabelJson, labelSchema } from "@/lib/validations/board";

type LabelInput = z.input<typeof labelSchema>;

/** A new label of the board (editor). */
export async function createLabelAction(
  boardId: string,
  input: LabelInput,
): Promise<ActionResult<{ label: LabelJson; seq: number }>> {
  return runAction("boards-create-label", async () =>
    createLabel(await getViewer(), boardId, input, await requestContext()),
  );
}
