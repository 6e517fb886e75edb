// What the audit DAL functions read and hand out: one select (never the hash chain's fields) and
// the serialised event of lib/validations/audit-event.ts. Metadata is stored as JSON text; a row
// whose text does not parse (written by hand) is shown with its raw text rather than failing.
import "server-only";
import { auditLabel } from "@/lib/audit/actions";
import {
  auditCrud,
  type AuditEventJson,
  type AuditMetadataValue,
} from "@/lib/validations/audit-event";

export const auditEventSelect = {
  id: true,
  seq: true,
  createdAt: true,
  actorId: true,
  actorType: true,
  actorName: true,
  action: true,
  outcome: true,
  reason: true,
  targetType: true,
  targetId: true,
  targetName: true,
  requestId: true,
  ipAddress: true,
  userAgent: true,
  metadata: true,
} as const;

export type AuditEventRow = {
  id: string;
  seq: number;
  createdAt: Date;
  actorId: string | null;
  actorType: string;
  actorName: string | null;
  action: string;
  outcome: string;
  reason: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  metadata: string;
};

const ACTOR_TYPES = new Set(["user", "api_key", "impersonator", "anonymous", "system"]);

export function parseAuditMetadata(text: string): Record<string, AuditMetadataValue> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, AuditMetadataValue>;
    return { value: parsed as AuditMetadataValue };
  } catch {
    return { raw: text };
  }
}

const str = (v: AuditMetadataValue | undefined) => (typeof v === "string" ? v : null);

export function toAuditEventJson(row: AuditEventRow): AuditEventJson {
  const metadata = parseAuditMetadata(row.metadata);
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.createdAt.toISOString(),
    actor: {
      id: row.actorId,
      type: (ACTOR_TYPES.has(row.actorType) ? row.actorType : "system") as AuditEventJson["actor"]["type"],
      name: row.actorName,
      impersonatorId: str(metadata.impersonatorId),
      apiKeyId: str(metadata.apiKeyId),
    },
    action: row.action,
    label: auditLabel(row.action),
    crud: auditCrud(row.action),
    outcome: row.outcome === "failure" ? "failure" : "success",
    reason: row.reason,
    target: row.targetType ? { type: row.targetType, id: row.targetId, name: row.targetName } : null,
    requestId: row.requestId,
    ip: row.ipAddress,
    userAgent: row.userAgent,
    metadata,
  };
}
