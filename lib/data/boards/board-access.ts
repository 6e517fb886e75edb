// Who may do what on one board. `board.read` shows the boards one is a member of; writing needs
// `board.write` and the editor (or owner) role on that board; `board.manage` sees and manages
// every board as if its owner ("manager"). A board one cannot see answers 404, like one that does
// not exist; a board one sees but may not change answers 403.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { can, requirePermission } from "@/lib/rbac/can";
import { boardEntityIdSchema, type BoardRole } from "@/lib/validations/board";

export const BOARD_NOT_FOUND = "Board not found.";

export type BoardAccessRole = BoardRole | "manager";
export type BoardAccess = { boardId: string; role: BoardAccessRole; archived: boolean };

const RANK: Record<BoardAccessRole, number> = { viewer: 1, editor: 2, owner: 3, manager: 3 };

/** Reads the caller's role on a board; 404 when they may not see it. */
export async function boardAccess(
  actor: Actor | null,
  boardId: unknown,
  client: Tx | typeof db = db,
): Promise<BoardAccess> {
  requirePermission(actor, "board.read");
  const parsed = boardEntityIdSchema.safeParse(boardId);
  if (!parsed.success) throw new NotFoundError(BOARD_NOT_FOUND);
  const board = await client.board.findUnique({
    where: { id: parsed.data },
    select: { id: true, archivedAt: true, members: { where: { userId: actor.userId }, select: { role: true } } },
  });
  if (!board) throw new NotFoundError(BOARD_NOT_FOUND);
  const memberRole = board.members[0]?.role as BoardRole | undefined;
  const role: BoardAccessRole | undefined = can(actor, "board.manage") ? "manager" : memberRole;
  if (!role) throw new NotFoundError(BOARD_NOT_FOUND);
  return { boardId: board.id, role, archived: board.archivedAt !== null };
}

/**
 * Throws 403 unless the caller may change this board's cards (editor) or the board itself (owner).
 * Every write needs board.write, managers' too (a key scoped to read and manage only cannot write).
 */
export function requireBoardRole(actor: Actor, access: BoardAccess, needed: "editor" | "owner"): void {
  requirePermission(actor, "board.write");
  if (RANK[access.role] < RANK[needed]) {
    throw new ForbiddenError(
      needed === "owner"
        ? "Only the board's owners can change its settings and members."
        : "You can view this board but not change it. Ask an owner to make you an editor.",
      "board_role",
    );
  }
}

/** May this role change cards? (The board page disables its controls otherwise.) */
export function canEditBoard(actor: Actor, role: BoardAccessRole): boolean {
  return RANK[role] >= RANK.editor && can(actor, "board.write");
}
