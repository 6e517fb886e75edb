// The retention anchor's MAC: HMAC-SHA-256 over every field of an AuditAnchor row under a key
// derived from the server's encryption key (a purpose of its own, apart from the head's). Someone who
// can write the database but not read the key cannot delete old events by hand and leave an anchor
// that makes the shortened chain verify.
import "server-only";
import { keyedHash, safeEqual } from "@/lib/auth/crypto";

export type AuditAnchorFields = {
  id: string;
  throughSeq: number;
  throughHash: string;
  prunedCount: number;
  cutoff: Date;
  createdAt: Date;
};

export function auditAnchorMac(a: AuditAnchorFields): string {
  return keyedHash(
    "audit-anchor",
    JSON.stringify([
      a.id,
      a.throughSeq,
      a.throughHash,
      a.prunedCount,
      a.cutoff.toISOString(),
      a.createdAt.toISOString(),
    ]),
  );
}

export function isAuthenticAnchor(a: AuditAnchorFields & { mac: string }): boolean {
  return safeEqual(a.mac, auditAnchorMac(a));
}
