// Canonical content and SHA-256 of an audit row; shared by the writer and the verifier.
// Version 1 rows (written before the event shape grew actor/target snapshots, outcome and request
// id) hash the original ten fields; version 2 rows hash those and the new ones. The version is
// itself part of what a v2 hash covers, and a row relabelled as v1 no longer matches its hash.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The canonical form new rows are written in. */
export const CURRENT_HASH_VERSION = 2;

export type HashedAuditFields = {
  seq: number;
  createdAt: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  metadata: string;
  prevHash: string;
  /** Absent or 1: the original form. */
  hashVersion?: number;
  actorType?: string;
  actorName?: string | null;
  targetName?: string | null;
  outcome?: string;
  reason?: string | null;
  requestId?: string | null;
};

export function auditHash(row: HashedAuditFields): string {
  const base = [
    row.seq,
    row.createdAt.toISOString(),
    row.actorId,
    row.action,
    row.targetType,
    row.targetId,
    row.ipAddress,
    row.userAgent,
    row.metadata,
    row.prevHash,
  ];
  const version = row.hashVersion ?? 1;
  const fields =
    version === 1
      ? base
      : [
          ...base,
          version,
          row.actorType ?? null,
          row.actorName ?? null,
          row.targetName ?? null,
          row.outcome ?? null,
          row.reason ?? null,
          row.requestId ?? null,
        ];
  return createHash("sha256").update(JSON.stringify(fields), "utf8").digest("hex");
}
