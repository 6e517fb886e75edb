"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createColumn } from "@/lib/data/boards/board-columns";
import { requestContext } from "@/lib/http/request-context";
import type { z } from "zod";
import type { ColumnJson, createColumnSchema } from "@/lib/validations/board";

type CreateColumnInput = z.input<typeof createColumnSchema>;

/** A column's "Add column" (editor): at an index, default the end. */
export async function createColumnAction(
  boardId: string,
  input: CreateColumnInput,
): Promise<ActionResult<{ column: ColumnJson; seq: number }>> {
  return runAction("boards-create-column", async () =>
    createColumn(await getViewer(), boardId, input, await requestContext()),
  );
}
