// Changes a stream's name, URL or filter (audit.manage). Only what differs is written and audited
// (before and after). The cursor stays: events after it are delivered with the new settings.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import { staticUrlProblem } from "@/lib/audit/streams/url-safety";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseOrThrow } from "@/lib/validations/parse";
import { updateAuditStreamSchema, type AuditStreamJson } from "@/lib/validations/audit-stream";
import { storedFilter, toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";
import { parseStoredFilter } from "@/lib/audit/streams/match-filter";
import { loadStreamForWrite, parseStreamId, writeStream } from "@/lib/data/audit-streams/write-audit-stream";

export async function updateAuditStream(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<AuditStreamJson> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  const values = parseOrThrow(updateAuditStreamSchema, input);
  if (values.url !== undefined) {
    const problem = staticUrlProblem(values.url, env.AUDIT_STREAM_ALLOW_INSECURE);
    if (problem) throw new ValidationError({ url: [problem] });
  }
  return db.$transaction(async (tx) => {
    const current = await loadStreamForWrite(tx, streamId, expectedVersion);
    const filter = parseStoredFilter(current.filter);
    const before = { name: current.name, url: current.url, actions: filter.actions, outcome: filter.outcome };
    const after: Record<string, string | string[] | null> = {};
    if (values.name !== undefined) after.name = values.name;
    if (values.url !== undefined) after.url = values.url;
    if (values.actions !== undefined) after.actions = values.actions;
    if (values.outcome !== undefined) after.outcome = values.outcome;
    const { changed, metadata } = changeMetadata(before, after);
    if (changed.length === 0) return toAuditStreamJson(current);
    const next = { ...before, ...after } as typeof before;
    const row = await writeStream(tx, current, {
      name: next.name,
      url: next.url,
      filter: storedFilter(next.actions, next.outcome ?? undefined),
    });
    await audit(
      {
        action: "audit_stream.updated",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: row.id,
        targetName: row.name,
        metadata: { name: row.name, ...metadata },
        context: ctx,
      },
      tx,
    );
    return toAuditStreamJson(row);
  });
}
