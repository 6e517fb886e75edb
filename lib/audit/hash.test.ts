import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH, type HashedAuditFields } from "@/lib/audit/hash";

const row: HashedAuditFields = {
  seq: 7,
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
  actorId: "user_1",
  action: "auth.sign_in_succeeded",
  targetType: "session",
  targetId: "sess_1",
  ipAddress: "203.0.113.9",
  userAgent: "Mozilla/5.0",
  metadata: JSON.stringify({ method: "password" }),
  prevHash: GENESIS_HASH,
};

describe("auditHash", () => {
  it("is a SHA-256 hex digest and deterministic", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
    const h = auditHash(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...row })).toBe(h);
    expect(auditHash({ ...row, createdAt: new Date(row.createdAt.getTime()) })).toBe(h);
  });

  it.each([
    ["seq", { seq: 8 }],
    ["createdAt", { createdAt: new Date("2026-01-02T03:04:05.679Z") }],
    ["actorId", { actorId: "user_2" }],
    ["actorId null", { actorId: null }],
    ["action", { action: "auth.sign_in_failed" }],
    ["targetType", { targetType: "user" }],
    ["targetId", { targetId: "sess_2" }],
    ["ipAddress", { ipAddress: "203.0.113.10" }],
    ["userAgent", { userAgent: "curl/8" }],
    ["metadata", { metadata: JSON.stringify({ method: "passkey" }) }],
    ["prevHash", { prevHash: "1".repeat(64) }],
  ] as [string, Partial<HashedAuditFields>][])("changes when %s changes", (_field, patch) => {
    expect(auditHash({ ...row, ...patch })).not.toBe(auditHash(row));
  });

  it("does not let values run into each other", () => {
    const a = auditHash({ ...row, targetType: "ab", targetId: "c" });
    const b = auditHash({ ...row, targetType: "a", targetId: "bc" });
    expect(a).not.toBe(b);
    expect(auditHash({ ...row, targetId: null })).not.toBe(auditHash({ ...row, targetId: "null" }));
  });
});

describe("auditHash, version 2", () => {
  const v2: HashedAuditFields = {
    ...row,
    hashVersion: 2,
    actorType: "user",
    actorName: "Ada Lovelace",
    targetName: "Front desk",
    outcome: "success",
    reason: null,
    requestId: "req-1",
  };

  it("keeps version 1 rows verifying as they were written", () => {
    expect(auditHash({ ...row, hashVersion: 1, actorName: "ignored by v1" })).toBe(auditHash(row));
  });

  it.each([
    ["hashVersion relabelled as 1", { hashVersion: 1 }],
    ["actorType", { actorType: "api_key" }],
    ["actorName", { actorName: "Someone else" }],
    ["targetName", { targetName: null }],
    ["outcome", { outcome: "failure" }],
    ["reason", { reason: "invalid_password" }],
    ["requestId", { requestId: "req-2" }],
  ] as [string, Partial<HashedAuditFields>][])("changes when %s changes", (_field, patch) => {
    expect(auditHash({ ...v2, ...patch })).not.toBe(auditHash(v2));
  });
});
