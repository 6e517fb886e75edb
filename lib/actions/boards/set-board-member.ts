"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setBoardMember } from "@/lib/data/boards/board-members";
import { requestContext } from "@/lib/http/request-context";
import type { BoardRole, MemberJson } from "@/lib/validations/board";

/** Board settings, Members (owners): adds a member or changes their role. */
export async function setBoardMemberAction(
  boardId: string,
  input: { userId: string; role: BoardRole },
): Promise<ActionResult<{ members: MemberJson[]; seq: number }>> {
  return runAction("boards-set-member", async () =>
    setBoardMember(await getViewer(), boardId, input, await requestContext()),
  );
}
