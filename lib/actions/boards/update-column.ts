"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateColumn } from "@/lib/data/boards/board-columns";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { ColumnJson, updateColumnSchema } from "@/lib/validations/board";

type UpdateColumnInput = z.input<typeof updateColumnSchema>;

/** Renames a column, recolours it, or sets its WIP limit and mode (editor). */
export async function updateColumnAction(
  boardId: string,
  columnId: string,
  input: UpdateColumnInput,
): Promise<ActionResult<{ column: ColumnJson; seq: number }>> {
  return runAction("boards-update-column", async () =>
    updateColumn(await getViewer(), boardId, columnId, input, await requestContext()),
  );
}
