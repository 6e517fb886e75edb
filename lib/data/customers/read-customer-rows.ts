// The customer reads of the hot path (the list's pages, one customer by id) in raw SQL through
// lib/db-raw.ts: one statement for the rows, one for their created/updated-by names, one for the
// page's tags. The names are a second statement rather than a join because SQLite spends less CPU
// on the two (measured by process CPU time on the bench's rows: a get-by-id 68 → 27 µs, a 26-row
// page 297 → 240 µs; with or without table statistics, so not a matter of plan). The same rows as
// `customerSelect` (customer-record.ts) reads through Prisma, which the writers keep (they read
// inside their transaction); npm run bench:api, in process on 20,000 customers: a 25-row page
// 1,550 µs through findMany with relations, ~150 µs here.
import "server-only";
import { searchWords } from "@/lib/data/contains-text";
import { rawRead } from "@/lib/db-raw";
import { dbProvider } from "@/lib/db";
import { containsPattern, sqlAnd, sqlTrue, type SqlFragment } from "@/lib/data/keyset-sql";
import type { CustomerRow } from "@/lib/data/customers/customer-record";
import type { CustomerListQuery } from "@/lib/validations/customer-list-query";

/** A customer field in SQL (the list's table alias). */
export const customerColumn = (field: string) => `c."${field}"`;

const SELECT = `SELECT c."id", c."name", c."email", c."phone", c."address", c."notes", c."archivedAt", c."version",
  c."createdAt", c."updatedAt", c."createdById", c."updatedById" FROM "Customer" c`;

type Row = Omit<CustomerRow, "createdBy" | "updatedBy" | "tags"> & {
  createdById: string | null;
  updatedById: string | null;
};
type Person = { id: string; firstName: string; lastName: string };

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

const like = dbProvider === "postgresql" ? "ILIKE" : "LIKE";

/**
 * The list's filters: every word of `q` in the name, email or phone (case-insensitive: SQLite's
 * LIKE ignores ASCII case, PostgreSQL's ILIKE any case; emails are stored lower-cased), a tag, the
 * archived state (active by default).
 */
export function customerFilterSql(query: Pick<CustomerListQuery, "q" | "tag" | "archived">): SqlFragment {
  const parts: SqlFragment[] = [];
  const words = searchWords(query.q);
  for (const word of words) {
    const pattern = containsPattern(word);
    parts.push({
      sql: `c."name" ${like} ? ESCAPE '\\' OR c."email" ${like} ? ESCAPE '\\' OR c."phone" ${like} ? ESCAPE '\\'`,
      params: [pattern, containsPattern(word.toLowerCase()), pattern],
    });
  }
  if (query.tag) {
    parts.push({
      sql: `EXISTS (SELECT 1 FROM "CustomerTag" t WHERE t."customerId" = c."id" AND t."tag" = ?)`,
      params: [query.tag],
    });
  }
  const archived = query.archived ?? "active";
  if (archived === "active") parts.push({ sql: `c."archivedAt" IS NULL`, params: [] });
  if (archived === "archived") parts.push({ sql: `c."archivedAt" IS NOT NULL`, params: [] });
  return parts.length ? sqlAnd(...parts) : sqlTrue;
}

/** Customers matching `where`, in `orderBy` order, at most `limit`, with names and tags. */
export async function readCustomerRows(where: SqlFragment, orderBy: string, limit: number): Promise<CustomerRow[]> {
  const rows = await rawRead<Row>(`${SELECT} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`, [...where.params, limit]);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.flatMap((r) => [r.createdById, r.updatedById]).filter((v) => v !== null))];
  const people = new Map<string, Person>();
  if (personIds.length) {
    const found = await rawRead<Person>(
      `SELECT "id", "firstName", "lastName" FROM "User" WHERE "id" IN (${placeholders(personIds.length)})`,
      personIds,
    );
    for (const p of found) people.set(p.id, p);
  }
  const tagRows = await rawRead<{ customerId: string; tag: string }>(
    `SELECT "customerId", "tag" FROM "CustomerTag" WHERE "customerId" IN (${placeholders(ids.length)}) ORDER BY "tag"`,
    ids,
  );
  const tags = new Map<string, { tag: string }[]>();
  for (const t of tagRows)
    (tags.get(t.customerId) ?? tags.set(t.customerId, []).get(t.customerId)!).push({ tag: t.tag });
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  return rows.map(({ createdById, updatedById, ...r }) => ({
    ...r,
    version: Number(r.version),
    createdBy: person(createdById),
    updatedBy: person(updatedById),
    tags: tags.get(r.id) ?? [],
  }));
}

/** The number of customers matching `where`. */
export async function countCustomerRows(where: SqlFragment): Promise<number> {
  const [row] = await rawRead<{ n: number | bigint | string }>(
    `SELECT COUNT(*) AS "n" FROM "Customer" c WHERE ${where.sql}`,
    where.params,
  );
  return Number(row?.n ?? 0);
}
