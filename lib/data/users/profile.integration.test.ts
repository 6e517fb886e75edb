import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import { confirmEmailChange } from "@/lib/data/users/confirm-email-change";
import { getOwnProfile } from "@/lib/data/users/get-own-profile";
import { requestEmailChange } from "@/lib/data/users/request-email-change";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { updateOwnProfile } from "@/lib/data/users/update-own-profile";
import { verifyEmail } from "@/lib/data/users/verify-email";
import { ConflictError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { signUpInput, testContext, uniqueName } from "@/test/helpers";

const WRONG_PASSWORD = "definitely not my password 77";

/** A user from the sign-up path, with the raw token of the verification email sent to them. */
async function newUser(options: { verified?: boolean } = {}) {
  const input = signUpInput();
  const user = await signUpUser(input, testContext());
  if (options.verified !== false) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: input.email, subject: { contains: "Confirm your email" } } });
  const verificationToken = decodeURIComponent(/\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!);
  return { ...user, password: input.password, verificationToken };
}


const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** The raw token in the newest email-change link sent to `email`. */
async function emailChangeToken(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email, subject: { contains: "Confirm your new email" } }, orderBy: { createdAt: "desc" } });
  const match = /\/confirm-email-change\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!match) throw new Error(`no confirmation link in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}

const newAddress = () => `${uniqueName("new")}@example.com`;

describe("updateOwnProfile", () => {
  it("changes the viewer's name and date of birth, ignoring any other fields, and touches nobody else", async () => {
    const me = await newUser();
    const other = await newUser();
    const { viewer } = await signIn(me.id);
    const meBefore = await userRow(me.id);
    const otherBefore = await userRow(other.id);

    await updateOwnProfile(
      viewer,
      {
        firstName: "  Ada ",
        lastName: "Byron",
        dateOfBirth: "1985-06-15",
        id: other.id,
        userId: other.id,
        email: "attacker@example.com",
        username: "attacker",
        passwordHash: "$2a$04$attackerattackerattackerattackerattackerattackerattac",
        emailVerifiedAt: null,
        status: "banned",
        totpEnabledAt: null,
      },
      testContext(),
    );

    const meAfter = await userRow(me.id);
    expect(meAfter).toMatchObject({ firstName: "Ada", lastName: "Byron", dateOfBirth: new Date(Date.UTC(1985, 5, 15)) });
    expect(meAfter).toMatchObject({
      id: meBefore.id,
      email: meBefore.email,
      username: meBefore.username,
      passwordHash: meBefore.passwordHash,
      emailVerifiedAt: meBefore.emailVerifiedAt,
      status: "active",
    });
    expect(await userRow(other.id)).toEqual(otherBefore);
    expect(await db.user.count({ where: { OR: [{ email: "attacker@example.com" }, { username: "attacker" }] } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.profile_updated", actorId: me.id, targetId: me.id } })).toBe(1);
  });

  it("gives field errors for invalid input and changes nothing", async () => {
    const me = await newUser();
    const { viewer } = await signIn(me.id);
    const before = await userRow(me.id);
    const error = await updateOwnProfile(viewer, { firstName: "", lastName: "x".repeat(101), dateOfBirth: "2999-01-01" }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["dateOfBirth", "firstName", "lastName"]);
    expect(await userRow(me.id)).toEqual(before);
  });

  it("needs a signed-in viewer", async () => {
    await expect(updateOwnProfile(null, { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01" }, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("requestEmailChange", () => {
  it("needs the current password", async () => {
    const me = await newUser();
    const { viewer } = await signIn(me.id);
    const to = newAddress();
    const error = await requestEmailChange(viewer, { email: to, currentPassword: WRONG_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    expect(await db.oneTimeToken.count({ where: { userId: me.id, purpose: "email_change" } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to } })).toBe(0);
  });

  it("refuses an address already in use, whatever its case", async () => {
    const me = await newUser();
    const other = await newUser();
    const { viewer } = await signIn(me.id);
    for (const email of [other.email, other.email.toUpperCase()]) {
      const error = await requestEmailChange(viewer, { email, currentPassword: me.password }, testContext()).catch((e: unknown) => e);
      expect(error, email).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).fieldErrors.email?.length).toBeGreaterThan(0);
    }
    expect(await db.oneTimeToken.count({ where: { userId: me.id, purpose: "email_change" } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: other.email, subject: { contains: "new email" } } })).toBe(0);
  });

  it("sends a link to the new address and a notice to the old, changing nothing yet", async () => {
    const me = await newUser();
    const { viewer } = await signIn(me.id);
    const to = newAddress();
    expect(await requestEmailChange(viewer, { email: to.toUpperCase(), currentPassword: me.password }, testContext())).toEqual({ email: to });

    const token = await emailChangeToken(to);
    const row = await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row).toMatchObject({ userId: me.id, purpose: "email_change", data: to, usedAt: null });
    const notice = await db.emailOutbox.findFirstOrThrow({ where: { to: me.email, subject: { contains: "being changed" } } });
    expect(notice.text).toContain(to);
    expect(notice.text).not.toContain(token);
    expect((await userRow(me.id)).email).toBe(me.email);
    expect((await getOwnProfile(viewer)).pendingEmail).toBe(to);
  });
});

describe("confirmEmailChange", () => {
  it("switches the address, marks it verified, and works once", async () => {
    const me = await newUser({ verified: false });
    const { viewer } = await signIn(me.id);
    const to = newAddress();
    await requestEmailChange(viewer, { email: to, currentPassword: me.password }, testContext());
    const token = await emailChangeToken(to);

    expect(await confirmEmailChange(token, testContext())).toEqual({ ok: true, email: to });
    const row = await userRow(me.id);
    expect(row.email).toBe(to);
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "user.email_changed", actorId: me.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: me.email, subject: { contains: "was changed" } } })).toBe(1);

    expect(await confirmEmailChange(token, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "user.email_changed", actorId: me.id } })).toBe(1);
  });

  it("leaves the verification link sent to the old address worthless", async () => {
    const me = await newUser({ verified: false });
    const { viewer } = await signIn(me.id);
    const to = newAddress();
    await requestEmailChange(viewer, { email: to, currentPassword: me.password }, testContext());
    expect((await confirmEmailChange(await emailChangeToken(to), testContext())).ok).toBe(true);

    expect(await verifyEmail(me.verificationToken, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "user.email_verified", actorId: me.id } })).toBe(0);
    expect((await userRow(me.id)).email).toBe(to);
  });

  it("refuses a link whose address was taken in the meantime", async () => {
    const me = await newUser();
    const { viewer } = await signIn(me.id);
    const to = newAddress();
    await requestEmailChange(viewer, { email: to, currentPassword: me.password }, testContext());
    const token = await emailChangeToken(to);
    await signUpUser(signUpInput({ email: to }), testContext());
    expect(await confirmEmailChange(token, testContext())).toEqual({ ok: false, reason: "taken" });
    expect((await userRow(me.id)).email).toBe(me.email);
  });

  it("refuses tokens of another purpose and malformed input", async () => {
    const me = await newUser({ verified: false });
    expect(await confirmEmailChange(me.verificationToken, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange("short", testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange({ token: "x" }, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect((await userRow(me.id)).email).toBe(me.email);
  });
});
