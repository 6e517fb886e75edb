// The activity log (audit.read) for /logs/events, GET /api/v1/audit-events and the export: newest
// first by `seq` (the chain's order), keyset pagination in both directions, and the filters of
// lib/validations/audit-list-query.ts. Every indexed filter (actor, action, target, outcome, IP)
// has a (column, seq) index, so a page deep into a million events seeks to its cursor instead of
// scanning up to it; counting is optional for the same reason (the table asks, the API only with
// total=true, the export never).
import "server-only";
import { containsText, searchWords } from "@/lib/data/contains-text";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import { auditEventSelect, toAuditEventJson } from "@/lib/data/audit/audit-event-record";
import type { AuditEventJson } from "@/lib/validations/audit-event";
import { auditTimeWindow, type AuditListQuery } from "@/lib/validations/audit-list-query";

export type AuditEventPage = {
  items: AuditEventJson[];
  /** Matching events (null unless counted). */
  total: number | null;
  /** 1-based position of the first item (null unless counted; 0 when empty). */
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

export type AuditWhere = NonNullable<NonNullable<Parameters<typeof db.auditEvent.findMany>[0]>["where"]>;
type AuditOrderBy = NonNullable<Parameters<typeof db.auditEvent.findMany>[0]>["orderBy"];

const SEQ_COLUMNS: readonly KeysetColumn[] = [{ field: "seq", type: "number" }];
/** People an `actor_name` search may stand for (by name, username or email). */
const MAX_NAMED_ACTORS = 50;

/** The Prisma `where` of a query's filters (`now` anchors the date presets). */
export async function auditFilterWhere(query: AuditListQuery, now: Date = new Date()): Promise<AuditWhere> {
  const and: AuditWhere[] = [];
  if (query.actor) and.push({ actorId: query.actor });
  if (query.actor_type) and.push({ actorType: query.actor_type });
  if (query.actor_name) {
    const name = query.actor_name;
    const people = await db.user.findMany({
      where: {
        OR: [
          { username: containsText(name.toLowerCase()) },
          { email: containsText(name.toLowerCase()) },
          { firstName: containsText(name) },
          { lastName: containsText(name) },
        ],
      },
      select: { id: true },
      take: MAX_NAMED_ACTORS,
    });
    // The snapshot too: people deleted since are still found by the name they had. Attempts on a
    // named person's account by someone not signed in (failed sign-ins, lockouts: no actor, the
    // account as target) are found too; they show actor type "anonymous", never as the person's own.
    const ids = people.map((p) => p.id);
    and.push({
      OR: [
        { actorId: { in: ids } },
        { actorName: containsText(name) },
        { actorId: null, targetType: "user", targetId: { in: ids } },
      ],
    });
  }
  if (query.user) {
    and.push({ OR: [{ actorId: query.user }, { targetType: "user", targetId: query.user }] });
  }
  if (query.action) {
    and.push(
      query.action.endsWith(".*") ? { action: { startsWith: query.action.slice(0, -1) } } : { action: query.action },
    );
  }
  if (query.target_type) and.push({ targetType: query.target_type });
  if (query.target_id) and.push({ targetId: query.target_id });
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.ip) and.push({ ipAddress: query.ip });
  const window = auditTimeWindow(query, now);
  if (window.from) and.push({ createdAt: { gte: window.from } });
  if (window.to) and.push({ createdAt: { lt: window.to } });
  const words = searchWords(query.q);
  for (const word of words) {
    and.push({
      OR: [
        { metadata: containsText(word) },
        { actorName: containsText(word) },
        { targetName: containsText(word) },
        { action: containsText(word.toLowerCase()) },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

/** One page of events, newest first; `where` narrows further (Settings → Activity uses it). */
export async function readAuditPage(
  query: AuditListQuery,
  options: {
    count?: boolean;
    limit?: number;
    where?: AuditWhere;
    now?: Date;
    /** The query's filters, already resolved (the export resolves them once for all its batches). */
    filters?: AuditWhere;
  } = {},
): Promise<AuditEventPage> {
  const filters = options.filters ?? (await auditFilterWhere(query, options.now));
  const where = options.where ? { AND: [filters, options.where] } : filters;
  const page = await keysetPage({
    columns: SEQ_COLUMNS,
    sort: query.sort,
    cursor: query.cursor,
    limit: options.limit ?? query.limit,
    where,
    read: (args) =>
      db.auditEvent.findMany({
        where: args.where as AuditWhere,
        orderBy: args.orderBy as AuditOrderBy,
        take: args.take,
        select: auditEventSelect,
      }),
    ...(options.count
      ? { count: (w: Record<string, unknown>) => db.auditEvent.count({ where: w as AuditWhere }) }
      : {}),
  });
  return {
    items: page.rows.map(toAuditEventJson),
    total: page.total,
    start: page.start,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}

/** One page of everyone's events (audit.read); `count` adds the total and the page's start. */
export async function listAuditEvents(
  actor: Actor | null,
  query: AuditListQuery,
  options: { count?: boolean; limit?: number } = {},
): Promise<AuditEventPage> {
  requirePermission(actor, "audit.read");
  return readAuditPage(query, { count: options.count ?? query.total, limit: options.limit });
}
