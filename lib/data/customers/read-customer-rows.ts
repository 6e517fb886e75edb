// The customer reads of the hot path (the list's pages, one customer by id) in raw SQL through
// lib/db-raw.ts: one statement for the rows with their created/updated-by names, one for the
// page's tags. The same rows as `customerSelect` (customer-record.ts) reads through Prisma, which
// the writers keep (they read inside their transaction); npm run bench:api, in process on 20,000
// customers: a 25-row page 1,550 µs through findMany with relations, ~150 µs here.
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
  c."createdAt", c."updatedAt", cb."id" AS "cbId", cb."firstName" AS "cbFirst", cb."lastName" AS "cbLast",
  ub."id" AS "ubId", ub."firstName" AS "ubFirst", ub."lastName" AS "ubLast"
  FROM "Customer" c LEFT JOIN "User" cb ON cb."id" = c."createdById" LEFT JOIN "User" ub ON ub."id" = c."updatedById"`;

type Row = Omit<CustomerRow, "createdBy" | "updatedBy" | "tags"> & {
  cbId: string | null;
  cbFirst: string | null;
  cbLast: string | null;
  ubId: string | null;
  ubFirst: string | null;
  ubLast: string | null;
};

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

const person = (id: string | null, firstName: string | null, lastName: string | null) =>
  id ? { id, firstName: firstName ?? "", lastName: lastName ?? "" } : null;

/** Customers matching `where`, in `orderBy` order, at most `limit`, with names and tags. */
export async function readCustomerRows(where: SqlFragment, orderBy: string, limit: number): Promise<CustomerRow[]> {
  const rows = await rawRead<Row>(`${SELECT} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ?`, [...where.params, limit]);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const tagRows = await rawRead<{ customerId: string; tag: string }>(
    `SELECT "customerId", "tag" FROM "CustomerTag" WHERE "customerId" IN (${ids.map(() => "?").join(", ")}) ORDER BY "tag"`,
    ids,
  );
  const tags = new Map<string, { tag: string }[]>();
  for (const t of tagRows)
    (tags.get(t.customerId) ?? tags.set(t.customerId, []).get(t.customerId)!).push({ tag: t.tag });
  return rows.map(({ cbId, cbFirst, cbLast, ubId, ubFirst, ubLast, ...r }) => ({
    ...r,
    version: Number(r.version),
    createdBy: person(cbId, cbFirst, cbLast),
    updatedBy: person(ubId, ubFirst, ubLast),
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
