import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { sha256 } from "@/lib/auth/crypto";
import { confirmEmailChange } from "@/lib/data/users/confirm-email-change";
import { getOwnProfile } from "@/lib/data/users/get-own-profile";
import { requestEmailChange } from "@/lib/data/users/request-email-change";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { updateOwnProfile } from "@/lib/data/users/update-own-profile";
import { verifyEmail } from "@/lib/data/users/verify-email";
import { RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { signUpInput, testContext, uniqueName } from "@/test/helpers";
import { signUpAccount } from "@/test/sign-up-account";

const WRONG_PASSWORD = "definitely not my password 77";

/** A user from the sign-up path, with the raw token of the verification email sent to them. */
async function newUser(options: { verified?: boolean } = {}) {
  const input = signUpInput();
  const user = await signUpAccount(input);
  if (options.verified !== false) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: input.email, subject: { contains: "Confirm your email" } } });
  const verificationToken = decodeURIComponent(/\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text))![1]!);
  return { ...user, password: input.password, verificationToken };
}


const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** The raw token in the newest email-change link sent to `email`. */
async function emailChangeToken(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email, subject: { contains: "Confirm your new email" } }, orderBy: { createdAt: "desc" } });
  const match = /\/confirm-email-change\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text));
  if (!match) throw new Error(`no confirmation link in: ${openEmailBody(mail.text)}`);
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

  it("a change to an address that belongs to another account answers like a free one, mails its owner a notice instead of a link, and changes nothing", async () => {
    const me = await newUser();
    const other = await newUser();
    const { viewer } = await signIn(me.id);
    const free = newAddress();
    const otherBefore = await userRow(other.id);
    const otherMailBefore = await db.emailOutbox.count({ where: { to: other.email } });

    const toTaken = await requestEmailChange(viewer, { email: other.email.toUpperCase(), currentPassword: me.password }, testContext());
    const takenProfile = await getOwnProfile(viewer);
    const toFree = await requestEmailChange(viewer, { email: free, currentPassword: me.password }, testContext());
    const freeProfile = await getOwnProfile(viewer);

    // The same answer and the same "pending" state on the settings page.
    expect(toTaken).toEqual({ email: other.email });
    expect(toFree).toEqual({ email: free });
    expect(takenProfile.pendingEmail).toBe(other.email);
    expect(freeProfile.pendingEmail).toBe(free);

    // The owner of the taken address gets one notice with no link and no detail of who asked; the free address its link.
    const otherMail = await db.emailOutbox.findMany({ where: { to: other.email }, orderBy: { createdAt: "asc" } });
    expect(otherMail).toHaveLength(otherMailBefore + 1);
    const notice = otherMail.at(-1)!;
    expect(notice.subject).toMatch(/Someone tried to move another .* account to your address/);
    const noticeText = openEmailBody(notice.text);
    expect(noticeText).not.toMatch(/token=/);
    for (const detail of [me.email, me.username]) expect(noticeText).not.toContain(detail);
    expect(await emailChangeToken(free)).toBeTruthy();
    // The requester's own address is told in both cases, as for any change.
    expect(await db.emailOutbox.count({ where: { to: me.email, subject: { contains: "being changed" } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "user.email_change_requested", actorId: me.id } })).toBe(2);

    expect(await userRow(other.id)).toEqual(otherBefore);
    expect((await userRow(me.id)).email).toBe(me.email);
  });

  it("past three mails an hour to an address, email changes naming it are refused alike, taken or free", async () => {
    const other = await newUser();
    const free = newAddress();
    const answers: { taken: unknown[]; free: unknown[] } = { taken: [], free: [] };
    for (let i = 0; i < 4; i++) {
      for (const kind of ["taken", "free"] as const) {
        const me = await newUser();
        const { viewer } = await signIn(me.id);
        const target = kind === "taken" ? other.email : free;
        answers[kind].push(await requestEmailChange(viewer, { email: target, currentPassword: me.password }, testContext()).catch((e: unknown) => e));
      }
    }
    // The taken address's owner signed up (one mail of the three), so it is refused one request
    // earlier: that is the owner's own mail, not something a requester can tell from a free address.
    expect(answers.taken.slice(0, 2)).toEqual([{ email: other.email }, { email: other.email }]);
    expect(answers.taken.slice(2).every((a) => a instanceof RateLimitedError)).toBe(true);
    expect(answers.free.slice(0, 3)).toEqual([{ email: free }, { email: free }, { email: free }]);
    expect(answers.free[3]).toBeInstanceOf(RateLimitedError);
    expect(await db.emailOutbox.count({ where: { to: other.email, subject: { contains: "Someone tried to move" } } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { to: free } })).toBe(3);
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
    expect(openEmailBody(notice.text)).toContain(to);
    expect(openEmailBody(notice.text)).not.toContain(token);
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

  it("a link to an address that another account asked for too: two confirmations at once give one owner and a clean 'taken'", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const to = newAddress();
    for (const user of [a, b]) {
      const { viewer } = await signIn(user.id);
      await requestEmailChange(viewer, { email: to, currentPassword: user.password }, testContext());
    }
    const tokens = (await db.emailOutbox.findMany({ where: { to, subject: { contains: "Confirm your new email" } } })).map(
      (m) => decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(m.text))![1]!),
    );
    expect(tokens).toHaveLength(2);

    const results = await Promise.all(tokens.map((t) => confirmEmailChange(t, testContext())));
    expect(results).toEqual(expect.arrayContaining([{ ok: true, email: to }, { ok: false, reason: "taken" }]));
    expect(await db.user.count({ where: { email: to } })).toBe(1);
  });

  it("refuses tokens of another purpose and malformed input", async () => {
    const me = await newUser({ verified: false });
    expect(await confirmEmailChange(me.verificationToken, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange("short", testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange({ token: "x" }, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect((await userRow(me.id)).email).toBe(me.email);
  });
});
