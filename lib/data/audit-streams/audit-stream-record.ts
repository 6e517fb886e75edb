// What of a stream leaves the DAL: everything but the encrypted secret (only its hint) and the
// full URL (only its redacted display form: the URL may carry the collector's token).
import "server-only";
import { displayStreamUrl } from "@/lib/audit/streams/stream-url";
import { parseStoredFilter } from "@/lib/audit/streams/match-filter";
import type { AuditStreamDeliveryJson, AuditStreamJson, AuditStreamStatus } from "@/lib/validations/audit-stream";

export const AUDIT_STREAM_NOT_FOUND = "Audit stream not found.";

export const auditStreamSelect = {
  id: true,
  name: true,
  url: true,
  secretHint: true,
  filter: true,
  enabled: true,
  status: true,
  cursorSeq: true,
  failureCount: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  lastSuccessAt: true,
  lastError: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = {
  id: string;
  name: string;
  url: string;
  secretHint: string;
  filter: string;
  enabled: boolean;
  status: string;
  cursorSeq: number;
  failureCount: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const STATUSES = new Set<AuditStreamStatus>(["healthy", "retrying", "failing", "paused"]);

export function toAuditStreamJson(row: Row): AuditStreamJson {
  const status = row.enabled ? (STATUSES.has(row.status as AuditStreamStatus) ? row.status : "healthy") : "paused";
  return {
    id: row.id,
    name: row.name,
    urlDisplay: displayStreamUrl(row.url),
    secretHint: row.secretHint,
    filter: parseStoredFilter(row.filter),
    enabled: row.enabled,
    status: status as AuditStreamStatus,
    cursorSeq: row.cursorSeq,
    failureCount: row.failureCount,
    nextAttemptAt: row.enabled ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastError: row.lastError,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const deliverySelect = {
  id: true,
  eventSeq: true,
  eventId: true,
  attempt: true,
  result: true,
  statusCode: true,
  error: true,
  durationMs: true,
  createdAt: true,
} as const;

export function toDeliveryJson(row: {
  id: string;
  eventSeq: number;
  eventId: string;
  attempt: number;
  result: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
}): AuditStreamDeliveryJson {
  return { ...row, result: row.result as AuditStreamDeliveryJson["result"], createdAt: row.createdAt.toISOString() };
}

/** The filter as stored: only what narrows (an empty list or "any" outcome is left out). */
export function storedFilter(
  actions: readonly string[] | undefined,
  outcome: "success" | "failure" | undefined,
): string {
  return JSON.stringify({
    ...(actions && actions.length ? { actions } : {}),
    ...(outcome ? { outcome } : {}),
  });
}
