// Display-name snapshots for audit events: who acted and what was acted on, as they were named when
// the event was written. The log keeps these after the account or record is gone, so a deleted
// customer still reads as "Acme Ltd" rather than an id. Read inside the writing transaction.
import "server-only";
import type { SqlRunner } from "@/lib/db-sql";
import { personName } from "@/lib/person-name";

const MAX_NAME = 200;

type Resolver = (q: SqlRunner, id: string) => Promise<string | null | undefined>;

/** One column of one row by id (raw: these run inside every audited write, lib/db-sql.ts). */
function column(table: string, name: string): Resolver {
  const sql = `SELECT "${name}" AS "name" FROM "${table}" WHERE "id" = ?`;
  return async (q, id) => (await q.rows<{ name: string | null }>(sql, [id]))[0]?.name;
}

const resolvers: Record<string, Resolver> = {
  // The unique username beside the self-chosen name: anyone can call themselves "Dana Admin".
  user: async (q, id) => {
    const [u] = await q.rows<{ firstName: string; lastName: string; username: string }>(
      'SELECT "firstName", "lastName", "username" FROM "User" WHERE "id" = ?',
      [id],
    );
    if (!u) return null;
    const name = personName(u);
    return name === u.username ? `@${u.username}` : `${name} (@${u.username})`;
  },
  customer: column("Customer", "name"),
  product: async (q, id) => {
    const [p] = await q.rows<{ name: string; sku: string }>('SELECT "name", "sku" FROM "Product" WHERE "id" = ?', [id]);
    return p ? `${p.name} (${p.sku})` : null;
  },
  transaction: async (q, id) => {
    const [t] = await q.rows<{ number: number | bigint }>('SELECT "number" FROM "Transaction" WHERE "id" = ?', [id]);
    return t ? transactionName(Number(t.number)) : null;
  },
  role: column("Role", "name"),
  invitation: column("Invitation", "email"),
  api_key: column("ApiKey", "name"),
  board: column("Board", "name"),
  board_column: column("BoardColumn", "name"),
  board_lane: column("BoardLane", "name"),
  board_label: column("BoardLabel", "name"),
  card: column("Card", "title"),
};

function clip(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** The target's current name, or null when the type has no name or the row is gone. */
/** How the audit trail names a sale (writers that know the number pass it and save the lookup). */
export const transactionName = (number: number) => `Receipt #${number}`;

export async function targetNameOf(q: SqlRunner, type: string | null, id: string | null): Promise<string | null> {
  if (!type || !id) return null;
  const resolve = resolvers[type];
  return resolve ? clip(await resolve(q, id)) : null;
}

/** The acting user's name and, when an API key acted for them, the key's name beside it. */
export async function actorNameOf(
  q: SqlRunner,
  actorId: string | null,
  apiKeyId: string | null,
): Promise<string | null> {
  if (!actorId) return null;
  const person = await resolvers.user!(q, actorId);
  if (!apiKeyId) return clip(person);
  const key = await resolvers.api_key!(q, apiKeyId);
  return clip(key ? `${person ?? "Unknown"} · key “${key}”` : person);
}

export { clip as clipAuditName };
