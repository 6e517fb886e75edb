// The activity log's export (audit.read): every event matching the current filter, newest first,
// as CSV or JSON Lines, streamed in keyset batches of 1,000 that are read only when the client has
// taken the previous one (ReadableStream pull), so memory stays bounded by one batch however many
// events match. The export is itself audited (audit.exported, with the filter and the format)
// before the first byte is sent. Date presets are anchored once, at the start, so the batches of
// one export agree on "the last 24 hours"; events written meanwhile (newer seq) are not included,
// whichever way it is sorted.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { csvStream, keysetPages, type CsvColumn } from "@/lib/csv/csv-export";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { db } from "@/lib/db";
import { auditFilterWhere, readAuditPage } from "@/lib/data/audit/list-audit-events";
import type { AuditEventJson } from "@/lib/validations/audit-event";
import { AUDIT_FILTER_KEYS, type AuditListQuery } from "@/lib/validations/audit-list-query";
import { decodeCursor, formatSort } from "@/lib/validations/list-query";

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
export const AUDIT_EXPORT_BATCH = 1000;

export const AUDIT_EXPORT_COLUMNS: CsvColumn<AuditEventJson>[] = [
  { header: "id", value: (e) => e.id },
  { header: "seq", value: (e) => e.seq },
  { header: "created_at", value: (e) => e.createdAt },
  { header: "action", value: (e) => e.action },
  { header: "label", value: (e) => e.label },
  { header: "crud", value: (e) => e.crud },
  { header: "outcome", value: (e) => e.outcome },
  { header: "reason", value: (e) => e.reason },
  { header: "actor_type", value: (e) => e.actor.type },
  { header: "actor_id", value: (e) => e.actor.id },
  { header: "actor_name", value: (e) => e.actor.name },
  { header: "impersonator_id", value: (e) => e.actor.impersonatorId },
  { header: "api_key_id", value: (e) => e.actor.apiKeyId },
  { header: "target_type", value: (e) => e.target?.type },
  { header: "target_id", value: (e) => e.target?.id },
  { header: "target_name", value: (e) => e.target?.name },
  { header: "request_id", value: (e) => e.requestId },
  { header: "ip", value: (e) => e.ip },
  { header: "user_agent", value: (e) => e.userAgent },
  { header: "metadata", value: (e) => JSON.stringify(e.metadata) },
];

/** The filter as query parameters (what the export audits and what links to it carry). */
export function auditFilterParams(query: AuditListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of AUDIT_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined) continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  if (formatSort(query.sort) !== "-seq") params.set("sort", formatSort(query.sort));
  return params;
}

/** JSON Lines: one event per line, pulled batch by batch like the CSV. */
function jsonlStream(pages: AsyncIterable<AuditEventJson[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((e) => `${JSON.stringify(e)}\n`).join("")));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

export type AuditExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

export async function exportAuditEvents(
  actor: Actor | null,
  query: AuditListQuery,
  format: AuditExportFormat,
  ctx: RequestContext,
  options: { batch?: number } = {},
): Promise<AuditExport> {
  requirePermission(actor, "audit.read");
  const filter = auditFilterParams(query).toString();
  await audit({
    action: "audit.exported",
    actorId: actor.userId,
    metadata: { format, filter },
    context: ctx,
  });
  const now = new Date();
  const base = { ...query, cursor: undefined, total: false };
  const batch = options.batch ?? AUDIT_EXPORT_BATCH;
  // Resolved once: the filters (an actor-name search looks people up) and the newest event, so a
  // slow oldest-first export does not keep taking in events written while it runs.
  const filters = await auditFilterWhere(query, now);
  const newest = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  const pages = keysetPages(async (cursor) => {
    const page = await readAuditPage(
      { ...base, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined },
      { limit: batch, now, filters, where: { seq: { lte: newest } } },
    );
    return { rows: page.items, nextCursor: page.nextCursor };
  });
  const day = now.toISOString().slice(0, 10);
  return format === "csv"
    ? {
        filename: `activity-log-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: csvStream(AUDIT_EXPORT_COLUMNS, pages),
      }
    : {
        filename: `activity-log-${day}.jsonl`,
        contentType: "application/x-ndjson; charset=utf-8",
        body: jsonlStream(pages),
      };
}
