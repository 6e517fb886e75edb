// Board members (owners, and board.manage): add someone or change their role, remove them. A
// board keeps at least one owner; a removed member's assignments on the board's cards go with them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { boardEntityIdSchema, boardMemberSchema, type MemberJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { listMembers } from "@/lib/data/boards/get-board";
import type { Tx } from "@/lib/db";

export const MEMBER_NOT_FOUND = "That person is not a member of this board.";

async function assertOwnerRemains(tx: Tx, boardId: string, leavingUserId: string) {
  const owners = await tx.boardMember.count({ where: { boardId, role: "owner", userId: { not: leavingUserId } } });
  if (owners === 0) throw new ConflictError("A board needs at least one owner. Make someone else an owner first.");
}

/** Adds a member or changes their role. */
export async function setBoardMember(
  actor: Actor | null,
  boardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ members: MemberJson[]; seq: number }> {
  const values = parseOrThrow(boardMemberSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "owner" }, async (tx, access) => {
    const user = await tx.user.findUnique({
      where: { id: values.userId },
      select: { id: true, status: true, username: true },
    });
    if (!user || user.status !== "active") throw new ValidationError({ userId: ["Choose an active user."] });
    const existing = await tx.boardMember.findUnique({
      where: { boardId_userId: { boardId: access.boardId, userId: user.id } },
      select: { role: true },
    });
    if (existing?.role === "owner" && values.role !== "owner") await assertOwnerRemains(tx, access.boardId, user.id);
    await tx.boardMember.upsert({
      where: { boardId_userId: { boardId: access.boardId, userId: user.id } },
      create: { boardId: access.boardId, userId: user.id, role: values.role },
      update: { role: values.role },
    });
    const members = await listMembers(access.boardId, tx);
    return {
      result: members,
      kind: "board.members_changed",
      payload: { members },
      audit: {
        action: existing ? "board.member_changed" : "board.member_added",
        targetType: "user",
        targetId: user.id,
        metadata: { username: user.username, roleBefore: existing?.role ?? null, roleAfter: values.role },
      },
    };
  });
  return { members: result, seq };
}

export async function removeBoardMember(
  actor: Actor | null,
  boardId: unknown,
  userId: unknown,
  ctx: RequestContext,
): Promise<{ members: MemberJson[]; seq: number }> {
  const parsed = boardEntityIdSchema.safeParse(userId);
  if (!parsed.success) throw new NotFoundError(MEMBER_NOT_FOUND);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "owner" }, async (tx, access) => {
    const existing = await tx.boardMember.findUnique({
      where: { boardId_userId: { boardId: access.boardId, userId: parsed.data } },
      select: { role: true, user: { select: { username: true } } },
    });
    if (!existing) throw new NotFoundError(MEMBER_NOT_FOUND);
    if (existing.role === "owner") await assertOwnerRemains(tx, access.boardId, parsed.data);
    await tx.boardMember.delete({ where: { boardId_userId: { boardId: access.boardId, userId: parsed.data } } });
    await tx.cardAssignee.deleteMany({ where: { userId: parsed.data, card: { boardId: access.boardId } } });
    const members = await listMembers(access.boardId, tx);
    return {
      result: members,
      kind: "board.members_changed",
      payload: { members, reload: true },
      audit: {
        action: "board.member_removed",
        targetType: "user",
        targetId: parsed.data,
        metadata: { username: existing.user.username, roleBefore: existing.role },
      },
    };
  });
  return { members: result, seq };
}
