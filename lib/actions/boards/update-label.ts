"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateLabel } from "@/lib/data/boards/board-labels";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { LabelJson, updateLabelSchema } from "@/lib/validations/board";

type UpdateLabelInput = z.input<typeof updateLabelSchema>;

/** Renames or recolours a label (editor). */
export async function updateLabelAction(
  boardId: string,
  labelId: string,
  input: UpdateLabelInput,
): Promise<ActionResult<{ label: LabelJson; seq: number }>> {
  return runAction("boards-update-label", async () =>
    updateLabel(await getViewer(), boardId, labelId, input, await requestContext()),
  );
}
