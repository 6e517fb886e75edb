// Display-name snapshots for audit events: who acted and what was acted on, as they were named when
// the event was written. The log keeps these after the account or record is gone, so a deleted
// customer still reads as "Acme Ltd" rather than an id. Read inside the writing transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import { personName } from "@/lib/person-name";

const MAX_NAME = 200;

type Resolver = (tx: Tx, id: string) => Promise<string | null | undefined>;

const personSelect = { firstName: true, lastName: true, username: true } as const;

const resolvers: Record<string, Resolver> = {
  // The unique username beside the self-chosen name: anyone can call themselves "Dana Admin".
  user: async (tx, id) => {
    const u = await tx.user.findUnique({ where: { id }, select: personSelect });
    if (!u) return null;
    const name = personName(u);
    return name === u.username ? `@${u.username}` : `${name} (@${u.username})`;
  },
  customer: async (tx, id) => (await tx.customer.findUnique({ where: { id }, select: { name: true } }))?.name,
  product: async (tx, id) => {
    const p = await tx.product.findUnique({ where: { id }, select: { name: true, sku: true } });
    return p ? `${p.name} (${p.sku})` : null;
  },
  transaction: async (tx, id) => {
    const t = await tx.transaction.findUnique({ where: { id }, select: { number: true } });
    return t ? transactionName(t.number) : null;
  },
  role: async (tx, id) => (await tx.role.findUnique({ where: { id }, select: { name: true } }))?.name,
  invitation: async (tx, id) => (await tx.invitation.findUnique({ where: { id }, select: { email: true } }))?.email,
  api_key: async (tx, id) => (await tx.apiKey.findUnique({ where: { id }, select: { name: true } }))?.name,
  board: async (tx, id) => (await tx.board.findUnique({ where: { id }, select: { name: true } }))?.name,
  board_column: async (tx, id) => (await tx.boardColumn.findUnique({ where: { id }, select: { name: true } }))?.name,
  board_lane: async (tx, id) => (await tx.boardLane.findUnique({ where: { id }, select: { name: true } }))?.name,
  board_label: async (tx, id) => (await tx.boardLabel.findUnique({ where: { id }, select: { name: true } }))?.name,
  card: async (tx, id) => (await tx.card.findUnique({ where: { id }, select: { title: true } }))?.title,
};

function clip(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** The target's current name, or null when the type has no name or the row is gone. */
/** How the audit trail names a sale (writers that know the number pass it and save the lookup). */
export const transactionName = (number: number) => `Receipt #${number}`;

export async function targetNameOf(tx: Tx, type: string | null, id: string | null): Promise<string | null> {
  if (!type || !id) return null;
  const resolve = resolvers[type];
  return resolve ? clip(await resolve(tx, id)) : null;
}

/** The acting user's name and, when an API key acted for them, the key's name beside it. */
export async function actorNameOf(tx: Tx, actorId: string | null, apiKeyId: string | null): Promise<string | null> {
  if (!actorId) return null;
  const person = await resolvers.user!(tx, actorId);
  if (!apiKeyId) return clip(person);
  const key = await resolvers.api_key!(tx, apiKeyId);
  return clip(key ? `${person ?? "Unknown"} · key “${key}”` : person);
}

export { clip as clipAuditName };
