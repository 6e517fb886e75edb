import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/auth/crypto";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import { consumeToken, issueToken } from "@/lib/auth/one-time-tokens";
import { validateSessionToken } from "@/lib/auth/sessions";
import { newUser, signIn } from "@/test/accounts";

async function inFlight(userId: string, sessionId: string) {
  await db.pendingTotpEnrolment.create({
    data: { userId, sessionId, secretEnc: encryptSecret("JBSWY3DPEHPK3PXP"), expiresAt: new Date(Date.now() + 60_000) },
  });
  return {
    reset: (await issueToken({ userId, purpose: "password_reset" })).token,
    emailChange: (await issueToken({ userId, purpose: "email_change", data: `new-${userId}@example.com` })).token,
    verification: (await issueToken({ userId, purpose: "email_verification", data: `${userId}@example.com` })).token,
  };
}

describe("endAccountActivity", () => {
  it("ends every session, pending email-change and reset link and 2FA set-up of the account, and nothing of another", async () => {
    const user = await newUser();
    const other = await newUser();
    const sessions = [await signIn(user.id), await signIn(user.id, "pending_second_factor")];
    const links = await inFlight(user.id, sessions[0]!.sessionId);
    const theirs = await signIn(other.id);
    const theirLinks = await inFlight(other.id, theirs.sessionId);

    expect(await endAccountActivity(user.id)).toEqual({ sessionsEnded: 2, apiKeysRevoked: 0 });
    for (const s of sessions) expect(await validateSessionToken(s.token)).toBeNull();
    expect(await consumeToken(links.reset, "password_reset")).toBeNull();
    expect(await consumeToken(links.emailChange, "email_change")).toBeNull();
    expect(await db.pendingTotpEnrolment.count({ where: { userId: user.id } })).toBe(0);
    // A verification link only proves the address; it stays usable.
    expect(await consumeToken(links.verification, "email_verification")).toMatchObject({ userId: user.id });

    expect(await validateSessionToken(theirs.token)).not.toBeNull();
    expect(await db.pendingTotpEnrolment.count({ where: { userId: other.id } })).toBe(1);
    expect(await consumeToken(theirLinks.reset, "password_reset")).toMatchObject({ userId: other.id });
  });

  it("keeps the session it is told to keep, with its own set-up, inside the caller's transaction", async () => {
    const user = await newUser();
    const kept = await signIn(user.id);
    const gone = await signIn(user.id);
    const links = await inFlight(user.id, kept.sessionId);

    const result = await db.$transaction((tx) => endAccountActivity(user.id, { exceptSessionId: kept.sessionId }, tx));
    expect(result).toEqual({ sessionsEnded: 1, apiKeysRevoked: 0 });
    expect(await validateSessionToken(kept.token)).not.toBeNull();
    expect(await validateSessionToken(gone.token)).toBeNull();
    expect((await db.pendingTotpEnrolment.findUnique({ where: { userId: user.id } }))?.sessionId).toBe(kept.sessionId);
    expect(await consumeToken(links.reset, "password_reset")).toBeNull();

    // A set-up of an ended session goes with it.
    await db.pendingTotpEnrolment.update({
      where: { userId: user.id },
      data: { sessionId: (await signIn(user.id)).sessionId },
    });
    await endAccountActivity(user.id, { exceptSessionId: kept.sessionId });
    expect(await db.pendingTotpEnrolment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("rolls back with the caller's transaction", async () => {
    const user = await newUser();
    const session = await signIn(user.id);
    const links = await inFlight(user.id, session.sessionId);
    await expect(
      db.$transaction(async (tx) => {
        await endAccountActivity(user.id, {}, tx);
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await validateSessionToken(session.token)).not.toBeNull();
    expect(await db.pendingTotpEnrolment.count({ where: { userId: user.id } })).toBe(1);
    expect(await consumeToken(links.reset, "password_reset")).toMatchObject({ userId: user.id });
  });
});
