// Canonical content and SHA-256 of an audit row; shared by the writer and the verifier.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

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
};

export function auditHash(row: HashedAuditFields): string {
  const canonical = JSON.stringify([
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
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
