// Stopping an impersonation, and the clean-up of those nobody stopped: the session goes, the
// admin gets their own session back only through a ticket bound to this impersonation, the
// "stopped" event is written once with the duration, and the user is emailed once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import type { ImpersonationTicket } from "@/lib/auth/impersonation-cookie";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { finishLapsedImpersonations } from "@/lib/data/impersonation/finish-lapsed-impersonations";
import { startImpersonation } from "@/lib/data/impersonation/start-impersonation";
import { stopImpersonation } from "@/lib/data/impersonation/stop-impersonation";
import { revokeOtherSessions } from "@/lib/data/sessions/revoke-other-sessions";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";

const REASON = "Checking why their invoices page is empty (ticket 88)";

afterEach(() => {
  vi.useRealTimers();
});

async function begin() {
  const admin = await createTestUser({ role: "admin", firstName: "Ada" });
  await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
  const adminSession = await signIn(admin.id);
  const target = await createTestUser({ firstName: "Tess" });
  const started = await startImpersonation(adminSession.viewer, { userId: target.id, reason: REASON }, testContext());
  const ticket: ImpersonationTicket = {
    adminToken: adminSession.token,
    impersonationSessionId: started.sessionId,
    impersonationTokenHash: sha256(started.token),
  };
  const valid = await validateSessionToken(started.token);
  if (!valid) throw new Error("impersonation session did not validate");
  const impersonated = await viewerFromSession(valid);
  return { admin, adminSession, target, started, ticket, impersonated, ctx: testContext({ impersonatorId: admin.id }) };
}

const stoppedEvents = (userId: string) =>
  db.auditEvent.findMany({ where: { action: "impersonation.stopped", targetId: userId }, orderBy: { seq: "asc" } });

const notices = (email: string) =>
  db.emailOutbox.findMany({ where: { to: email, subject: { contains: "acted as you" } } });

describe("stopImpersonation", () => {
  it("ends the session, gives the admin's own session back, records the duration once and emails the user once", async () => {
    const { admin, adminSession, target, started, ticket, impersonated, ctx } = await begin();

    const outcome = await stopImpersonation(impersonated, { sessionToken: started.token, ticket }, ctx);

    expect(outcome).toEqual({ stopped: true, userId: target.id, resume: { token: adminSession.token, remember: false } });
    expect(await db.session.findUnique({ where: { id: started.sessionId } })).toBeNull();
    expect(await validateSessionToken(started.token)).toBeNull();
    expect(await validateSessionToken(adminSession.token)).not.toBeNull();

    const [event] = await stoppedEvents(target.id);
    expect(event).toMatchObject({ actorId: admin.id, targetType: "user", targetId: target.id });
    const metadata = JSON.parse(event!.metadata);
    expect(metadata).toMatchObject({ impersonationSessionId: started.sessionId, ended: "stopped", impersonatorId: admin.id });
    expect(metadata.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(metadata.durationSeconds).toBeLessThan(60);

    const mails = await notices(target.email);
    expect(mails).toHaveLength(1);
    const body = openEmailBody(mails[0]!.text);
    expect(body).toContain(REASON);
    expect(body).toContain("Ada Person");
    expect(body).toContain(`@${admin.username}`);
    expect(body).toContain("They stopped it themselves.");

    // Stopping again (a second tab, a double click) changes nothing.
    await stopImpersonation(null, { sessionToken: started.token, ticket }, ctx);
    expect(await stoppedEvents(target.id)).toHaveLength(1);
    expect(await notices(target.email)).toHaveLength(1);
  });

  it("without a ticket, or with one not bound to this session cookie, ends the impersonation but resumes nothing", async () => {
    const first = await begin();
    expect(await stopImpersonation(first.impersonated, { sessionToken: first.started.token, ticket: null }, first.ctx)).toMatchObject({
      stopped: true,
      resume: null,
    });
    expect(await db.session.findUnique({ where: { id: first.started.sessionId } })).toBeNull();

    const second = await begin();
    const other = await begin();
    // The other impersonation's ticket, sent with this session's cookie.
    expect(await stopImpersonation(second.impersonated, { sessionToken: second.started.token, ticket: other.ticket }, second.ctx)).toMatchObject({
      stopped: true,
      resume: null,
    });
    expect(await db.session.findUnique({ where: { id: second.started.sessionId } })).toBeNull();
    // …and the other impersonation runs on.
    expect(await validateSessionToken(other.started.token)).not.toBeNull();
  });

  it("a ticket resumes only the session that started this impersonation, and only while it is alive", async () => {
    const { admin, started, ticket, impersonated, ctx } = await begin();
    const elsewhere = await signIn(admin.id);
    expect(
      await stopImpersonation(impersonated, { sessionToken: started.token, ticket: { ...ticket, adminToken: elsewhere.token } }, ctx),
    ).toMatchObject({ stopped: true, resume: null });

    const again = await begin();
    await db.session.delete({ where: { id: again.adminSession.sessionId } });
    expect(await stopImpersonation(null, { sessionToken: again.started.token, ticket: again.ticket }, again.ctx)).toMatchObject({
      stopped: true,
      resume: null,
    });
  });

  it("someone in their own session has nothing to stop, whatever ticket comes along", async () => {
    const { ticket } = await begin();
    const user = await createTestUser();
    const own = await signIn(user.id);
    expect(await stopImpersonation(own.viewer, { sessionToken: own.token, ticket }, testContext())).toEqual({ stopped: false });
    expect(await stopImpersonation(own.viewer, { sessionToken: own.token, ticket: null }, testContext())).toEqual({ stopped: false });
    expect(await validateSessionToken(own.token)).not.toBeNull();
    expect(await validateSessionToken(ticket.adminToken)).not.toBeNull();
  });

  it("after the 30 minutes still returns the admin, recorded as expired after the full 30 minutes", async () => {
    const { adminSession, target, started, ticket, ctx } = await begin();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    expect(await validateSessionToken(started.token)).toBeNull();

    const outcome = await stopImpersonation(null, { sessionToken: started.token, ticket }, ctx);
    expect(outcome).toMatchObject({ stopped: true, resume: { token: adminSession.token } });
    const [event] = await stoppedEvents(target.id);
    expect(JSON.parse(event!.metadata)).toMatchObject({ ended: "expired", durationSeconds: 1800 });
    expect(openEmailBody((await notices(target.email))[0]!.text)).toContain("30-minute limit");
  });
});

describe("finishLapsedImpersonations", () => {
  it("records and emails an impersonation that ran out of time, once", async () => {
    const { target, started } = await begin();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    await finishLapsedImpersonations();
    await finishLapsedImpersonations();
    expect(await db.session.findUnique({ where: { id: started.sessionId } })).toBeNull();
    const events = await stoppedEvents(target.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.metadata)).toMatchObject({ impersonationSessionId: started.sessionId, ended: "expired", durationSeconds: 1800 });
    expect(await notices(target.email)).toHaveLength(1);
  });

  it("records one the user ended early (signed out elsewhere), and leaves a running one alone", async () => {
    const ended = await begin();
    const running = await begin();
    await revokeOtherSessions((await signIn(ended.target.id)).viewer, testContext());
    expect(await validateSessionToken(ended.started.token)).toBeNull();

    await finishLapsedImpersonations();

    const [event] = await stoppedEvents(ended.target.id);
    expect(event).toMatchObject({ actorId: ended.admin.id });
    expect(JSON.parse(event!.metadata)).toMatchObject({ ended: "ended" });
    expect(openEmailBody((await notices(ended.target.email))[0]!.text)).toContain(REASON);

    expect(await stoppedEvents(running.target.id)).toHaveLength(0);
    expect(await notices(running.target.email)).toHaveLength(0);
    expect(await validateSessionToken(running.started.token)).not.toBeNull();
  });
});
