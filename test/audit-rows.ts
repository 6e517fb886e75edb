// An audit row written behind the application's back (by hand, as a legacy log or an intruder would):
// chained to `prev`, hashed like the writer does, but moving no head. In the current form (hash
// version 2) unless asked for the original form, which the verifier also checks for the columns its
// hash does not cover (they must hold their derived values) and for coming after a newer row.
import { auditHash, CURRENT_HASH_VERSION, GENESIS_HASH, type HashedAuditFields } from "@/lib/audit/hash";

export type HandWrittenAuditRow = Required<HashedAuditFields> & { hash: string };

export function handWrittenAuditRow(
  seq: number,
  prevHash: string = GENESIS_HASH,
  hashVersion: 1 | 2 = CURRENT_HASH_VERSION,
): HandWrittenAuditRow {
  const row: Required<HashedAuditFields> = {
    seq,
    createdAt: new Date(),
    actorId: null,
    action: "auth.signed_out",
    targetType: null,
    targetId: null,
    ipAddress: null,
    userAgent: null,
    metadata: "{}",
    prevHash,
    hashVersion,
    actorType: "system",
    actorName: null,
    targetName: null,
    outcome: "success",
    reason: null,
    requestId: null,
  };
  return { ...row, hash: auditHash(row) };
}
