// Who may read the developer outbox (no RESEND_API_KEY in the integration environment, DEV_OUTBOX
// on): nobody anonymous, whatever address the request comes from; a signed-in person their own
// mail; only a holder of email.outbox.read everybody's.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/data/email/list-outbox";
import { sendEmail } from "@/lib/email/send-email";
import { passwordResetEmail } from "@/lib/email/messages";
import { UnauthenticatedError } from "@/lib/errors";
import { newUser, signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";

async function viewerOf(userId: string, state: Parameters<typeof signIn>[1] = "active") {
  return (await signIn(userId, state)).viewer;
}

/** A user of `role` with 2FA on (Super Admin and Admin require it, or their sessions wait for enrolment). */
async function enrolledUser(role: string, verified = true) {
  const user = await createTestUser({ role, verified });
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  return user;
}

const resetLink = (token: string) => `http://localhost:3000/reset-password?token=${token}`;

describe("listOutbox", () => {
  it("an anonymous visitor reads nobody's mail (coming from 127.0.0.1 proves nothing)", async () => {
    const victim = await createTestUser();
    await sendEmail(victim.email, passwordResetEmail("Victim", resetLink("anon-must-not-see")));
    await expect(listOutbox(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("a session still waiting for its second factor reads nothing", async () => {
    const user = await createTestUser();
    await sendEmail(user.email, passwordResetEmail("Test", resetLink("pending-2fa")));
    await expect(listOutbox(await viewerOf(user.id, "pending_second_factor"))).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it("a signed-in person sees only mail to their own address, with its links", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    await sendEmail(me.email, passwordResetEmail("Me", resetLink("mine-token")));
    await sendEmail(other.email, passwordResetEmail("Other", resetLink("other-token")));
    const { emails, scope } = await listOutbox(await viewerOf(me.id));
    expect(scope).toBe("own");
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.to === me.email)).toBe(true);
    expect(emails.map((e) => e.text).join("\n")).toContain(resetLink("mine-token"));
    expect(JSON.stringify(emails)).not.toContain("other-token");
  });

  it("an impersonated session reads nothing, not even the person's own mail (it holds their reset links)", async () => {
    const user = await createTestUser();
    await sendEmail(user.email, passwordResetEmail("Test", resetLink("impersonated-must-not-see")));
    const viewer = { ...(await viewerOf(user.id)), impersonatorId: "an-admin" };
    await expect(listOutbox(viewer)).rejects.toMatchObject({ status: 403, code: "impersonation_restricted" });
  });

  it("an unverified newcomer can read their own verification link", async () => {
    const user = await newUser({ verified: false });
    const { emails } = await listOutbox(await viewerOf(user.id));
    expect(emails.some((e) => e.text?.includes("/verify-email?token="))).toBe(true);
  });

  it("mail sent to an address before the viewer held it stays hidden", async () => {
    const before = await createTestUser();
    await sendEmail(before.email, passwordResetEmail("Earlier", resetLink("earlier-owner-token")));
    // The address moves to another account (the first owner changed theirs, a newcomer took it).
    const freed = before.email;
    await db.user.update({ where: { id: before.id }, data: { email: `moved-${freed}` } });
    const newcomer = await createTestUser();
    await db.user.update({ where: { id: newcomer.id }, data: { email: freed, emailVerifiedAt: new Date() } });
    await sendEmail(freed, passwordResetEmail("Newcomer", resetLink("newcomer-token")));
    const { emails } = await listOutbox(await viewerOf(newcomer.id));
    const texts = emails.map((e) => e.text).join("\n");
    expect(texts).toContain("newcomer-token");
    expect(texts).not.toContain("earlier-owner-token");
  });

  it("a holder of email.outbox.read (Super Admin) sees everybody's mail; an Admin does not", async () => {
    const someone = await createTestUser();
    await sendEmail(someone.email, passwordResetEmail("Someone", resetLink("for-super-admin")));
    const superAdmin = await enrolledUser("super_admin");
    const all = await listOutbox(await viewerOf(superAdmin.id));
    expect(all.scope).toBe("all");
    expect(all.emails.map((e) => e.text).join("\n")).toContain("for-super-admin");

    const admin = await enrolledUser("admin");
    const own = await listOutbox(await viewerOf(admin.id));
    expect(own.scope).toBe("own");
    expect(own.emails.every((e) => e.to === admin.email)).toBe(true);
  });

  it("an unverified Super Admin does not hold email.outbox.read", async () => {
    const superAdmin = await enrolledUser("super_admin", false);
    expect((await listOutbox(await viewerOf(superAdmin.id))).scope).toBe("own");
  });

  it("stores the bodies encrypted: the database holds neither the link nor its token", async () => {
    const user = await createTestUser();
    const sent = await sendEmail(user.email, passwordResetEmail("Test", resetLink("at-rest-token")));
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } });
    for (const body of [row.text, row.html]) {
      expect(body).not.toContain("at-rest-token");
      expect(body).not.toContain("reset-password");
    }
    const { emails } = await listOutbox(await viewerOf(user.id));
    expect(emails.find((e) => e.id === sent.id)?.text).toContain(resetLink("at-rest-token"));
  });

  it("shows mail handed to a provider by its state only, never its body", async () => {
    const user = await createTestUser();
    const sent = await sendEmail(user.email, passwordResetEmail("Test", resetLink("queued-token")));
    await db.emailOutbox.update({ where: { id: sent.id }, data: { provider: "resend", status: "queued" } });
    const { emails } = await listOutbox(await viewerOf(user.id));
    expect(emails.find((e) => e.id === sent.id)).toMatchObject({ status: "queued", text: null });
  });

  it("does not exist at all where the dev outbox is off, even for Super Admin", async () => {
    const viewer = await viewerOf((await enrolledUser("super_admin")).id);
    process.env.DEV_OUTBOX = "false";
    vi.resetModules();
    try {
      const fresh = await import("@/lib/data/email/list-outbox");
      expect(fresh.canReadOutbox()).toBe(false);
      // A fresh module graph has its own error classes: compare by what they say.
      await expect(fresh.listOutbox(viewer)).rejects.toMatchObject({ status: 404, code: "not_found" });
    } finally {
      process.env.DEV_OUTBOX = "enabled";
      vi.resetModules();
    }
  });
});
