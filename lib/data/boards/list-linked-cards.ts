// The cards linked to a customer or a transaction, for those records' pages: open cards of open
// boards the caller can see (a member, or board.manage), each with its board's name, the most
// recently changed first. Someone who may not read boards, or may not read that kind of record
// (and so would not see the link on the card either, get-board.ts visibleCard), gets none.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import { boardEntityIdSchema, type LinkedCardJson } from "@/lib/validations/board";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { visibleCard } from "@/lib/data/boards/get-board";

/** At most this many linked cards are listed. */
export const LINKED_CARDS_LIMIT = 100;

export async function listLinkedCards(
  actor: Actor | null,
  link: { customerId: unknown } | { transactionId: unknown },
): Promise<LinkedCardJson[]> {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, "board.read")) return [];
  const byCustomer = "customerId" in link;
  if (!can(actor, byCustomer ? "customers.read" : "transactions.read")) return [];
  const id = boardEntityIdSchema.safeParse(byCustomer ? link.customerId : link.transactionId);
  if (!id.success) return [];
  const rows = await db.card.findMany({
    where: {
      ...(byCustomer ? { customerId: id.data } : { transactionId: id.data }),
      archivedAt: null,
      board: {
        archivedAt: null,
        ...(can(actor, "board.manage") ? {} : { members: { some: { userId: actor.userId } } }),
      },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: LINKED_CARDS_LIMIT,
    select: { ...cardSelect, board: { select: { name: true } } },
  });
  return rows.map(({ board, ...row }) => ({ card: visibleCard(actor, toCardJson(row)), boardName: board.name }));
}
