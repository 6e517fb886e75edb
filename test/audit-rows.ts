// An audit row written behind the application's back (by hand, as a legacy log or an intruder would):
// chained to `prev`, hashed like the writer does, but moving no head.
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";

export function handWrittenAuditRow(seq: number, prevHash: string = GENESIS_HASH) {
  const row = {
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
  };
  return { ...row, hash: auditHash(row) };
}
