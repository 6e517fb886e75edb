"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createBoard } from "@/lib/data/boards/create-board";
import { requestContext } from "@/lib/http/request-context";
import type { CreateBoardInput } from "@/lib/validations/board";

/** The "New board" dialog (board.write): the creator becomes its owner. */
export async function createBoardAction(input: CreateBoardInput): Promise<ActionResult<{ id: string }>> {
  return runAction("boards-create", async () => {
    const result = await createBoard(await getViewer(), input, await requestContext());
    revalidatePath("/board");
    return result;
  });
}
