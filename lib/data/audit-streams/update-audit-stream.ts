// Changes a stream's name, URL or filter (audit.manage; a URL or filter change also needs
// audit.read, since it decides where the whole log goes). Only what differs is written and audited
// (before and after). The URL is compared in full but audited only in its redacted form (it may
// carry the collector's token): `urlChanged` says a change happened even when the redacted forms are
// equal (a new token). An empty or omitted URL keeps the stored one. The cursor stays: events after
// it are delivered with the new settings.
import "server-only";
import { audit, type AuditValue } from "@/lib/audit/audit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import { parseStoredFilter } from "@/lib/audit/streams/match-filter";
import { openStreamUrl, redactStreamUrl, sealStreamUrl } from "@/lib/audit/streams/stream-url";
import { staticUrlProblem } from "@/lib/audit/streams/url-safety";
import type { StreamEventRow } from "@/lib/audit/streams/event-payload";
import { changeEvent, handOverChange, handoverSource, type HandoverFrom } from "@/lib/audit/streams/hand-over-change";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseOrThrow } from "@/lib/validations/parse";
import { updateAuditStreamSchema, type AuditStreamJson } from "@/lib/validations/audit-stream";
import { storedFilter, toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";
import { loadStreamForWrite, parseStreamId, writeStream } from "@/lib/data/audit-streams/write-audit-stream";

/** The stored URL opened, or null when the server key cannot read it (any new URL is then a change). */
function currentUrlOf(stored: string): string | null {
  try {
    return openStreamUrl(stored);
  } catch {
    return null;
  }
}

export async function updateAuditStream(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<AuditStreamJson> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  // "Leave empty to keep": the edit dialog sends "" when the URL field is left alone.
  const raw = input && typeof input === "object" ? { ...(input as Record<string, unknown>) } : input;
  if (raw && typeof raw === "object" && "url" in raw && (raw.url === "" || raw.url === null)) delete raw.url;
  const values = parseOrThrow(updateAuditStreamSchema, raw);
  if (values.url !== undefined) {
    const problem = staticUrlProblem(values.url, env.AUDIT_STREAM_ALLOW_INSECURE);
    if (problem) throw new ValidationError({ url: [problem] });
  }
  let handover: { from: HandoverFrom; event: StreamEventRow } | null = null;
  const result = await db.$transaction(async (tx) => {
    const current = await loadStreamForWrite(tx, streamId, expectedVersion);
    const filter = parseStoredFilter(current.filter);
    const before = { name: current.name, actions: filter.actions, outcome: filter.outcome };
    const after: Record<string, string | string[] | null> = {};
    if (values.name !== undefined) after.name = values.name;
    if (values.actions !== undefined) after.actions = values.actions;
    if (values.outcome !== undefined) after.outcome = values.outcome;
    const { changed, metadata } = changeMetadata(before, after);
    const oldUrl = currentUrlOf(current.url);
    const urlChanged = values.url !== undefined && values.url !== oldUrl;
    if (urlChanged || changed.includes("actions") || changed.includes("outcome"))
      requirePermission(actor, "audit.read");
    if (changed.length === 0 && !urlChanged) return toAuditStreamJson(current);
    const next = { ...before, ...after } as typeof before;
    const from = urlChanged ? await handoverSource(tx, current.id) : null;
    const row = await writeStream(tx, current, {
      name: next.name,
      ...(urlChanged ? { url: sealStreamUrl(values.url!) } : {}),
      filter: storedFilter(next.actions, next.outcome ?? undefined),
    });
    const urlMetadata: Record<string, AuditValue> = urlChanged
      ? {
          changed: [...changed, "url"],
          urlChanged: true,
          urlBefore: oldUrl === null ? null : redactStreamUrl(oldUrl),
          urlAfter: redactStreamUrl(values.url!),
        }
      : {};
    await audit(
      {
        action: "audit_stream.updated",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: row.id,
        targetName: row.name,
        metadata: { name: row.name, ...metadata, ...urlMetadata },
        context: ctx,
      },
      tx,
    );
    const event = from ? await changeEvent(tx, row.id, "audit_stream.updated") : null;
    if (from && event) handover = { from, event };
    return toAuditStreamJson(row);
  });
  // A new URL: the old destination hears of it first (lib/audit/streams/hand-over-change.ts).
  const pending = handover as { from: HandoverFrom; event: StreamEventRow } | null;
  if (pending) await handOverChange(pending.from, pending.event);
  return result;
}
