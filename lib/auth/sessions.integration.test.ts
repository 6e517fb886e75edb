import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sha256 } from "@/lib/auth/crypto";
import {
  createSession,
  deleteSessionByToken,
  pruneExpiredSessions,
  rotateSession,
  validateSessionToken,
} from "@/lib/auth/sessions";
import { createTestUser } from "@/test/create-test-user";

async function newSession(remember = false, state?: "active" | "pending_second_factor" | "pending_enrolment") {
  const user = await createTestUser();
  const session = await createSession({ userId: user.id, remember, state, ip: "203.0.113.5", userAgent: "vitest" });
  return { user, ...session };
}

const rowExists = async (id: string) => (await db.session.count({ where: { id } })) === 1;

describe("sessions", () => {
  it("creates a session that validates to its user and state", async () => {
    const { user, token, sessionId, expiresAt } = await newSession(false, "pending_second_factor");
    const session = await validateSessionToken(token);
    expect(session).not.toBeNull();
    expect(session!.id).toBe(sessionId);
    expect(session!.state).toBe("pending_second_factor");
    expect(session!.user).toMatchObject({ id: user.id, username: user.username, email: user.email, status: "active" });
    expect(session!.user).not.toHaveProperty("passwordHash");
    expect(session!.user).not.toHaveProperty("totpSecretEnc");
    // A half-finished sign-in lives 15 minutes at most.
    const minutes = (expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("lasts SESSION_SHORT_HOURS without remember me", async () => {
    const { expiresAt } = await newSession(false);
    const hours = (expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(env.SESSION_SHORT_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(env.SESSION_SHORT_HOURS);
  });

  it("lasts SESSION_REMEMBER_DAYS with remember me", async () => {
    const { expiresAt } = await newSession(true);
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(env.SESSION_REMEMBER_DAYS - 0.01);
    expect(days).toBeLessThanOrEqual(env.SESSION_REMEMBER_DAYS);
  });

  it("stores the token only as its SHA-256", async () => {
    const { token, sessionId } = await newSession();
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await db.session.count({ where: { tokenHash: token } })).toBe(0);
    // Someone holding the stored hash cannot use it as a token.
    expect(await validateSessionToken(row.tokenHash)).toBeNull();
  });

  it("gives each session its own token", async () => {
    const { user } = await newSession();
    const a = await createSession({ userId: user.id, remember: false, ip: null, userAgent: null });
    const b = await createSession({ userId: user.id, remember: false, ip: null, userAgent: null });
    expect(a.token).not.toBe(b.token);
    expect((await validateSessionToken(a.token))!.id).toBe(a.sessionId);
    expect((await validateSessionToken(b.token))!.id).toBe(b.sessionId);
  });

  it("is invalid once its row is deleted", async () => {
    const { token, sessionId } = await newSession();
    await db.session.delete({ where: { id: sessionId } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("is invalid after signing out by token", async () => {
    const { token, sessionId, user } = await newSession();
    expect(await deleteSessionByToken(token)).toEqual({ id: sessionId, userId: user.id });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await deleteSessionByToken(token)).toBeNull();
  });

  it("is invalid past its expiry, and the row is deleted", async () => {
    const { token, sessionId } = await newSession(true);
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(sessionId)).toBe(false);
  });

  it("is invalid when idle longer than SESSION_IDLE_MINUTES, and the row is deleted", async () => {
    const { token, sessionId } = await newSession(true);
    const idleMs = env.SESSION_IDLE_MINUTES * 60_000;
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs + 60_000) } });
    expect(await validateSessionToken(token)).not.toBeNull();
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs - 60_000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(sessionId)).toBe(false);
  });

  it("records activity, at most once a minute", async () => {
    const { token, sessionId } = await newSession();
    const old = new Date(Date.now() - 5 * 60_000);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: old } });
    await validateSessionToken(token);
    const touched = (await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(Date.now() - 10_000);
    await validateSessionToken(token);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime()).toBe(
      touched.getTime(),
    );
  });

  it("is invalid once the user is banned, and the row is deleted", async () => {
    const { token, sessionId, user } = await newSession();
    await db.user.update({ where: { id: user.id }, data: { status: "banned" } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(sessionId)).toBe(false);
  });

  it("is invalid once the password changed after the session began", async () => {
    const { token, sessionId, user } = await newSession();
    const { createdAt } = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(createdAt.getTime() + 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(sessionId)).toBe(false);
  });

  it("stays valid when the password changed before the session began", async () => {
    const { token, sessionId, user } = await newSession();
    const { createdAt } = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(createdAt.getTime() - 1000) } });
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("rejects empty, overlong and unknown tokens", async () => {
    expect(await validateSessionToken("")).toBeNull();
    expect(await validateSessionToken("A".repeat(129))).toBeNull();
    expect(await validateSessionToken("A".repeat(43))).toBeNull();
  });

  it("prunes expired and idle sessions but not live ones", async () => {
    const live = await newSession();
    const expired = await newSession();
    const idle = await newSession();
    await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.session.update({
      where: { id: idle.sessionId },
      data: { lastSeenAt: new Date(Date.now() - env.SESSION_IDLE_MINUTES * 60_000 - 60_000) },
    });
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(2);
    expect(await rowExists(live.sessionId)).toBe(true);
    expect(await rowExists(expired.sessionId)).toBe(false);
    expect(await rowExists(idle.sessionId)).toBe(false);
  });

  it("creates a session for a verified password only while that password is still current", async () => {
    const user = await createTestUser();
    const verified = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, passwordChangedAt: true },
    });
    const checkedAt = new Date();
    // The password changes after it was verified and before the session is written.
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: "changed", passwordChangedAt: new Date(checkedAt.getTime() + 5) },
    });
    const refused = await createSession({
      userId: user.id,
      remember: false,
      ip: null,
      userAgent: null,
      verifiedPassword: { ...verified, checkedAt },
    });
    expect(refused).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never stamps a session later than the password check it rests on", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 10_000) } });
    const verified = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, passwordChangedAt: true },
    });
    const checkedAt = new Date(Date.now() - 400);
    const created = await createSession({
      userId: user.id,
      remember: false,
      ip: null,
      userAgent: null,
      verifiedPassword: { ...verified, checkedAt },
    });
    if (!created) throw new Error("session refused");
    const row = await db.session.findUniqueOrThrow({ where: { id: created.sessionId } });
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(
      Math.max(checkedAt.getTime(), verified.passwordChangedAt.getTime()),
    );
    // A change stamped after the check (even one whose clean-up missed this row) ends it.
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(checkedAt.getTime() + 1) } });
    expect(await validateSessionToken(created.token)).toBeNull();
  });

  it("a rotation never mints a session newer than the password state the old one proved", async () => {
    const { token, sessionId, user } = await newSession(false, "pending_second_factor");
    const { createdAt } = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    // A reset commits (its clean-up did not see this session) while the second factor is checked.
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(createdAt.getTime() + 1) } });
    const rotated = await rotateSession(sessionId, "active");
    if (rotated) expect(await validateSessionToken(rotated.token)).toBeNull();
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a rotation keeps the session's start, so a later password change still ends it", async () => {
    const { sessionId, user } = await newSession(false, "pending_second_factor");
    const { createdAt } = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const rotated = await rotateSession(sessionId, "active");
    if (!rotated) throw new Error("rotation refused");
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: sha256(rotated.token) } });
    expect(row.createdAt.getTime()).toBe(createdAt.getTime());
    expect(row.state).toBe("active");
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(createdAt.getTime() + 1) } });
    expect(await validateSessionToken(rotated.token)).toBeNull();
  });

  it("releasing a session held back for enrolment long after it began keeps its original end", async () => {
    const { user, sessionId } = await newSession(true, "pending_enrolment");
    // It began ten days ago (held back later, when its user gained a role requiring 2FA).
    const began = new Date(Date.now() - 10 * 86_400_000);
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(began.getTime() - 1000) } });
    await db.session.update({ where: { id: sessionId }, data: { createdAt: began } });
    const rotated = await rotateSession(sessionId, "active");
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: sha256(rotated!.token) } });
    expect(row.expiresAt.getTime()).toBe(began.getTime() + env.SESSION_REMEMBER_DAYS * 86_400_000);
    expect(row.createdAt.getTime()).toBe(began.getTime());
  });

  it("a rotation of a session that is already gone gives nothing", async () => {
    const { sessionId } = await newSession();
    await db.session.delete({ where: { id: sessionId } });
    expect(await rotateSession(sessionId, "active")).toBeNull();
  });
});
