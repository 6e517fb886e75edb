import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import { consumeToken, issueToken, usableToken } from "@/lib/auth/one-time-tokens";
import { createTestUser } from "@/test/create-test-user";

describe("one-time tokens", () => {
  it("stores only the SHA-256 of the token, bound to user, purpose and data", async () => {
    const user = await createTestUser();
    const { token, expiresAt } = await issueToken({ userId: user.id, purpose: "password_reset", data: "x" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row).toMatchObject({ userId: user.id, purpose: "password_reset", data: "x", usedAt: null });
    expect(row.expiresAt.getTime()).toBe(expiresAt.getTime());
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(await db.oneTimeToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("consumes a token once and returns its owner and data", async () => {
    const user = await createTestUser();
    const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    expect(await usableToken(token, "email_verification")).toBe(token);
    expect(await usableToken(token, "email_verification")).toBe(token);
    expect(await consumeToken(token, "email_verification")).toEqual({ userId: user.id, data: user.email });
    expect(await usableToken(token, "email_verification")).toBeNull();
    expect(await consumeToken(token, "email_verification")).toBeNull();
  });

  it("refuses a token of another purpose or past its expiry", async () => {
    const user = await createTestUser();
    const { token } = await issueToken({ userId: user.id, purpose: "email_change" });
    expect(await usableToken(token, "password_reset")).toBeNull();
    expect(await consumeToken(token, "password_reset")).toBeNull();
    await db.oneTimeToken.update({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await usableToken(token, "email_change")).toBeNull();
    expect(await consumeToken(token, "email_change")).toBeNull();
  });

  it("retires the user's earlier unused token of the same purpose when a new one is issued", async () => {
    const user = await createTestUser();
    const first = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    const second = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    expect(await usableToken(first.token, "email_verification")).toBeNull();
    expect(await consumeToken(first.token, "email_verification")).toBeNull();
    expect(await consumeToken(second.token, "email_verification")).toEqual({ userId: user.id, data: user.email });
  });

  it("leaves tokens of other purposes and other users alone", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const reset = await issueToken({ userId: user.id, purpose: "password_reset" });
    const othersVerification = await issueToken({ userId: other.id, purpose: "email_verification", data: other.email });
    await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    expect(await consumeToken(reset.token, "password_reset")).toMatchObject({ userId: user.id });
    expect(await consumeToken(othersVerification.token, "email_verification")).toMatchObject({ userId: other.id });
  });

  it("lets exactly one of many concurrent uses of a token win", async () => {
    const user = await createTestUser();
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset" });
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(token, "password_reset")));
    expect(results.filter((r) => r !== null)).toEqual([{ userId: user.id, data: null }]);
    expect(results.filter((r) => r === null)).toHaveLength(9);
  });

  it("lets exactly one of concurrent transactions consuming a token win", async () => {
    const user = await createTestUser();
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset" });
    const attempt = () => db.$transaction((tx) => consumeToken(token, "password_reset", tx)).catch(() => null);
    const results = await Promise.all(Array.from({ length: 5 }, attempt));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });
});
