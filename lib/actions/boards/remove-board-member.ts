"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { removeBoardMember } from "@/lib/data/boards/board-members";
import { requestContext } from "@/lib/http/request-context";
import type { MemberJson } from "@/lib/validations/board";

/** Board settings, Members (owners): removes someone; their assignments on the board's cards go too. */
export async function removeBoardMemberAction(
  boardId: string,
  userId: string,
): Promise<ActionResult<{ members: MemberJson[]; seq: number }>> {
  return runAction("boards-remove-member", async () =>
    removeBoardMember(await getViewer(), boardId, userId, await requestContext()),
  );
}
