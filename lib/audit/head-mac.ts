// The audit head's MAC: HMAC-SHA-256 over (seq, hash) under a key derived from the server's
// encryption key. Someone who can write the database but not read the server's key cannot move the
// head back after deleting the newest events (see README, "Audit log").
import "server-only";
import { keyedHash, safeEqual } from "@/lib/auth/crypto";

/** The head is a single row. */
export const AUDIT_HEAD_ID = 1;

export type AuditHeadFields = { seq: number; hash: string; mac: string };

export function auditHeadMac(seq: number, hash: string): string {
  return keyedHash("audit-head", JSON.stringify([seq, hash]));
}

export function isAuthenticHead(head: AuditHeadFields): boolean {
  return safeEqual(head.mac, auditHeadMac(head.seq, head.hash));
}
