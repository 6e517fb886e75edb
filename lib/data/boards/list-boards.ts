// The boards the caller is a member of (board.read), or every board with board.manage; open ones
// first by name, archived ones after when asked for.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { can, requirePermission } from "@/lib/rbac/can";
import type { BoardColor, BoardRole, BoardSummaryJson } from "@/lib/validations/board";

export async function listBoards(
  actor: Actor | null,
  options: { archived?: boolean } = {},
): Promise<BoardSummaryJson[]> {
  requirePermission(actor, "board.read");
  const manager = can(actor, "board.manage");
  const rows = await db.board.findMany({
    where: {
      ...(manager ? {} : { members: { some: { userId: actor.userId } } }),
      archivedAt: options.archived ? { not: null } : null,
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      description: true,
      color: true,
      swimlanesEnabled: true,
      archivedAt: true,
      updatedAt: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
      _count: { select: { members: true, cards: { where: { archivedAt: null } } } },
    },
  });
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    description: b.description,
    color: b.color as BoardColor,
    swimlanesEnabled: b.swimlanesEnabled,
    role: manager ? "manager" : (b.members[0]!.role as BoardRole),
    memberCount: b._count.members,
    cardCount: b._count.cards,
    archivedAt: b.archivedAt?.toISOString() ?? null,
    updatedAt: b.updatedAt.toISOString(),
  }));
}
