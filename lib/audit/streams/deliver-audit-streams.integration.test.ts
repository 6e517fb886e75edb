// The delivery worker against a real receiver on 127.0.0.1 (so this file turns on
// AUDIT_STREAM_ALLOW_INSECURE before anything reads the environment).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUDIT_STREAM_ALLOW_INSECURE = "true";
});

import type { Viewer } from "@/lib/auth/viewer";
import { audit } from "@/lib/audit/audit";
import { deliverAuditStreams } from "@/lib/audit/streams/deliver-audit-streams";
import { KEEP_DELIVERIES } from "@/lib/audit/streams/prune-deliveries";
import {
  startTestReceiver,
  verifyOpsdeckSignature,
  verifyStandardWebhookSignature,
  type TestReceiver,
} from "@/lib/audit/streams/stream-test-receiver";
import { db } from "@/lib/db";
import { createAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { pauseAuditStream, resumeAuditStream } from "@/lib/data/audit-streams/set-audit-stream-paused";
import { sendAuditStreamTest } from "@/lib/data/audit-streams/send-audit-stream-test";
import { deliverAuditStreamNow } from "@/lib/data/audit-streams/deliver-audit-stream-now";
import { updateAuditStream } from "@/lib/data/audit-streams/update-audit-stream";
import { reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions } from "@/test/role-viewers";

let admin: Viewer;
let receiver: TestReceiver;

beforeAll(async () => {
  admin = await viewerWithPermissions(["audit.manage", "audit.read"]);
});

beforeEach(async () => {
  // Streams are global: each test starts with none, so a run delivers only the test's own.
  await db.auditStream.deleteMany();
  await reset(LIMITS.auditStreamProbe, admin.userId);
  await receiver?.close();
  receiver = await startTestReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await db.auditStream.deleteMany();
});

async function newStream(input: Record<string, unknown> = {}) {
  return createAuditStream(admin, { name: "SIEM", url: receiver.url, ...input }, testContext());
}

/** Appends `n` events (customer.created unless told) and returns their seqs. */
async function events(
  n: number,
  action: "customer.created" | "customer.deleted" | "auth.sign_in_failed" = "customer.created",
) {
  for (let i = 0; i < n; i++) await audit({ action, actorId: admin.userId, metadata: { i } });
  const rows = await db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: n, select: { seq: true, id: true } });
  return rows.reverse();
}

async function stream(id: string) {
  return db.auditStream.findUniqueOrThrow({ where: { id } });
}

const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);

describe("deliverAuditStreams", () => {
  it("delivers every new event in seq order, each signed, starting from the stream's own creation", async () => {
    const { stream: created, secret } = await newStream();
    const added = await events(3);
    const summary = await deliverAuditStreams();
    expect(summary).toMatchObject({ streams: 1, delivered: 4, failed: 0 });

    const seqs = receiver.requests.map((r) => r.json.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => Number(a) - Number(b)));
    expect(receiver.requests.map((r) => r.json.action)).toEqual([
      "audit_stream.created",
      "customer.created",
      "customer.created",
      "customer.created",
    ]);
    expect(receiver.requests.slice(1).map((r) => r.json.id)).toEqual(added.map((e) => e.id));
    for (const r of receiver.requests) {
      expect(verifyOpsdeckSignature(secret, r)).toBe(true);
      expect(verifyStandardWebhookSignature(secret, r)).toBe(true);
      expect(r.headers["webhook-id"]).toBe(r.json.id);
      expect(r.headers["x-opsdeck-event-id"]).toBe(r.json.id);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(verifyOpsdeckSignature("whsec_wrong", r)).toBe(false);
    }
    const first = JSON.parse(receiver.requests[1]!.body) as Record<string, unknown>;
    expect(first).toMatchObject({
      type: "audit.event",
      action: "customer.created",
      outcome: "success",
      actor: { id: admin.userId, type: "user" },
      metadata: { i: 0 },
    });
    expect(typeof first.hash).toBe("string");

    const after = await stream(created.id);
    expect(after).toMatchObject({
      status: "healthy",
      failureCount: 0,
      cursorSeq: added[2]!.seq,
      leaseUntil: null,
      lastError: null,
    });
    expect(after.lastSuccessAt).not.toBeNull();
    expect(await db.auditStreamDelivery.count({ where: { streamId: created.id, result: "delivered" } })).toBe(4);
    // Nothing new: a second run sends nothing.
    await deliverAuditStreams();
    expect(receiver.requests).toHaveLength(4);
  });

  it("retries a failing event with backoff, never sending a later one first, with the same event id", async () => {
    const { stream: created } = await newStream();
    await deliverAuditStreams(); // the creation event
    const added = await events(2);
    receiver.requests.length = 0;
    receiver.answers.push({ status: 500, body: "database down" }, { status: 503 });
    const t0 = new Date();

    const run1 = await deliverAuditStreams({ now: t0 });
    expect(run1).toMatchObject({ delivered: 0, failed: 1 });
    let s = await stream(created.id);
    expect(s).toMatchObject({
      status: "retrying",
      failureCount: 1,
      lastError: "HTTP 500: database down",
      cursorSeq: added[0]!.seq - 1,
    });
    const wait1 = s.nextAttemptAt!.getTime() - t0.getTime();
    expect(wait1).toBeGreaterThanOrEqual(8_000);
    expect(wait1).toBeLessThanOrEqual(12_000);

    // Not due yet: nothing is sent.
    expect(await deliverAuditStreams({ now: seconds(t0, 5) })).toMatchObject({ streams: 0 });
    expect(receiver.requests).toHaveLength(1);

    const run2 = await deliverAuditStreams({ now: seconds(t0, 13) });
    expect(run2).toMatchObject({ failed: 1 });
    s = await stream(created.id);
    expect(s).toMatchObject({ status: "retrying", failureCount: 2, lastError: "HTTP 503: receiver says no" });
    const wait2 = s.nextAttemptAt!.getTime() - seconds(t0, 13).getTime();
    expect(wait2).toBeGreaterThanOrEqual(16_000);
    expect(wait2).toBeLessThanOrEqual(24_000);

    const run3 = await deliverAuditStreams({ now: seconds(t0, 60) });
    expect(run3).toMatchObject({ delivered: 2, failed: 0 });
    expect(receiver.requests.map((r) => r.json.id)).toEqual([added[0]!.id, added[0]!.id, added[0]!.id, added[1]!.id]);
    expect(new Set(receiver.requests.slice(0, 3).map((r) => r.headers["webhook-id"])).size).toBe(1);
    // The receiver, de-duplicating by id, took each event exactly once, in order.
    expect(receiver.accepted.slice(-2)).toEqual([added[0]!.id, added[1]!.id]);
    s = await stream(created.id);
    expect(s).toMatchObject({
      status: "healthy",
      failureCount: 0,
      lastError: null,
      nextAttemptAt: null,
      cursorSeq: added[1]!.seq,
    });
    const attempts = await db.auditStreamDelivery.findMany({
      where: { streamId: created.id, eventId: added[0]!.id },
      orderBy: { attempt: "asc" },
      select: { attempt: true, result: true, statusCode: true },
    });
    expect(attempts).toEqual([
      { attempt: 1, result: "failed", statusCode: 500 },
      { attempt: 2, result: "failed", statusCode: 503 },
      { attempt: 3, result: "delivered", statusCode: 200 },
    ]);
  });

  it("treats no answer within the timeout as a failure, then delivers the same event", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 200, delayMs: 1500 });
    const t0 = new Date();
    const run = await deliverAuditStreams({ now: t0, timeoutMs: 300 });
    expect(run).toMatchObject({ failed: 1, delivered: 0 });
    expect(await stream(created.id)).toMatchObject({ status: "retrying", lastError: "No answer within 300 ms." });
    const retried = await deliverAuditStreams({ now: seconds(t0, 15), timeoutMs: 300 });
    expect(retried).toMatchObject({ delivered: 1 });
    const ids = receiver.requests.map((r) => r.json.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it("reports failing after five consecutive failures, and keeps the events for later", async () => {
    const { stream: created } = await newStream();
    for (let i = 0; i < 5; i++) receiver.answers.push({ status: 502 });
    let now = new Date();
    for (let i = 0; i < 5; i++) {
      await deliverAuditStreams({ now });
      now = seconds(now, 3700);
    }
    expect(await stream(created.id)).toMatchObject({ status: "failing", failureCount: 5 });
    await deliverAuditStreams({ now });
    expect(await stream(created.id)).toMatchObject({ status: "healthy", failureCount: 0 });
    expect(receiver.accepted).toHaveLength(1);
  });

  it("does not follow redirects", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    await deliverAuditStreams();
    expect(await stream(created.id)).toMatchObject({
      status: "retrying",
      lastError: "HTTP 302: redirects are not followed; use the final URL.",
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it("reads only the start of a large answer", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 500, body: "x".repeat(2_000_000) });
    await deliverAuditStreams();
    const s = await stream(created.id);
    expect(s.lastError!.startsWith("HTTP 500: xxx")).toBe(true);
    expect(s.lastError!.length).toBeLessThanOrEqual(210);
  });

  it("skips events the filter does not take and moves the cursor past them", async () => {
    const { stream: created } = await newStream({ actions: ["customer.*"], outcome: "success" });
    const mixed = [
      ...(await events(1, "auth.sign_in_failed")),
      ...(await events(1, "customer.created")),
      ...(await events(2, "auth.sign_in_failed")),
      ...(await events(1, "customer.deleted")),
      ...(await events(1, "auth.sign_in_failed")),
    ];
    const summary = await deliverAuditStreams();
    // Its own creation event passes any filter (F2 of the security review).
    expect(receiver.requests.map((r) => r.json.action)).toEqual([
      "audit_stream.created",
      "customer.created",
      "customer.deleted",
    ]);
    expect(summary.skipped).toBe(4); // four sign-in failures
    expect((await stream(created.id)).cursorSeq).toBe(mixed.at(-1)!.seq);
  });

  it("never delivers one stream from two workers at once (lease)", async () => {
    await newStream();
    await events(5);
    for (let i = 0; i < 6; i++) receiver.answers.push({ status: 200, delayMs: 60 });
    const [a, b] = await Promise.all([deliverAuditStreams(), deliverAuditStreams()]);
    expect(a.delivered + b.delivered).toBe(6);
    expect(a.busy + b.busy).toBe(1);
    const ids = receiver.requests.map((r) => r.json.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
  });

  it("leaves a stream alone while another process holds its lease, and takes it over once the lease ran out", async () => {
    const { stream: created } = await newStream();
    const now = new Date();
    await db.auditStream.update({ where: { id: created.id }, data: { leaseUntil: seconds(now, 20) } });
    expect(await deliverAuditStreams({ now })).toMatchObject({ streams: 0, busy: 1 });
    expect(receiver.requests).toHaveLength(0);
    expect(await deliverAuditStreams({ now: seconds(now, 21) })).toMatchObject({ streams: 1, delivered: 1 });
  });

  it("sends nothing to a paused stream and catches up in order on resume", async () => {
    const { stream: created } = await newStream();
    await deliverAuditStreams();
    const paused = await pauseAuditStream(admin, created.id, testContext());
    const added = await events(2);
    await deliverAuditStreams();
    // Only the pause's own event, handed over as the stream goes quiet (F2 b of the security review).
    expect(receiver.requests.map((r) => r.json.action)).toEqual(["audit_stream.created", "audit_stream.paused"]);
    await resumeAuditStream(admin, created.id, testContext(), paused.version);
    await deliverAuditStreams();
    const actions = receiver.requests.map((r) => r.json.action);
    expect(actions).toEqual([
      "audit_stream.created",
      "audit_stream.paused",
      "audit_stream.paused", // in order this time, with the same id (de-duplicated by the receiver)
      "customer.created",
      "customer.created",
      "audit_stream.resumed",
    ]);
    expect(receiver.requests[2]!.json.id).toBe(receiver.requests[1]!.json.id);
    expect(receiver.accepted).toHaveLength(5);
    expect(receiver.requests.slice(3, 5).map((r) => r.json.id)).toEqual(added.map((e) => e.id));
  });

  it("delivers to the new URL after an edit, with the same order", async () => {
    const { stream: created } = await newStream();
    await deliverAuditStreams();
    const other = await startTestReceiver("/other");
    try {
      await updateAuditStream(admin, created.id, { url: other.url }, testContext(), created.version);
      await events(1);
      await deliverAuditStreams();
      expect(other.requests.map((r) => r.json.action)).toEqual(["audit_stream.updated", "customer.created"]);
    } finally {
      await other.close();
    }
  });

  it("keeps the newest deliveries only", async () => {
    const { stream: created } = await newStream();
    const old = new Date(Date.now() - 86_400_000);
    await db.auditStreamDelivery.createMany({
      data: Array.from({ length: KEEP_DELIVERIES + 20 }, (_, i) => ({
        streamId: created.id,
        eventSeq: 0,
        eventId: `old_${i}`,
        attempt: 1,
        result: "delivered",
        durationMs: 1,
        createdAt: new Date(old.getTime() + i * 1000),
      })),
    });
    await deliverAuditStreams();
    expect(await db.auditStreamDelivery.count({ where: { streamId: created.id } })).toBe(KEEP_DELIVERIES);
    const newest = await db.auditStreamDelivery.findFirst({
      where: { streamId: created.id },
      orderBy: { createdAt: "desc" },
    });
    expect(newest?.result).toBe("delivered");
    expect(newest?.eventId).not.toMatch(/^old_/);
  });
});

describe("sendAuditStreamTest", () => {
  it("sends a signed audit.stream_test without moving the cursor, recorded and audited", async () => {
    const { stream: created, secret } = await newStream();
    const result = await sendAuditStreamTest(admin, created.id, testContext());
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.json).toMatchObject({ type: "audit.stream_test", id: result.eventId });
    expect(verifyOpsdeckSignature(secret, request)).toBe(true);
    const s = await stream(created.id);
    expect(s.cursorSeq).toBe(created.cursorSeq);
    expect(s.lastSuccessAt).toBeNull();
    expect(await db.auditStreamDelivery.findFirst({ where: { eventId: result.eventId } })).toMatchObject({
      result: "test",
      statusCode: 200,
    });
    const event = await db.auditEvent.findFirst({ where: { action: "audit_stream.tested", targetId: created.id } });
    expect(event).toMatchObject({ outcome: "success", actorId: admin.userId });
  });

  it("reports a failing endpoint's answer", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 401, body: "bad signature" });
    const result = await sendAuditStreamTest(admin, created.id, testContext());
    expect(result).toMatchObject({ ok: false, statusCode: 401, error: "HTTP 401: bad signature" });
    const event = await db.auditEvent.findFirst({ where: { action: "audit_stream.tested", targetId: created.id } });
    expect(event).toMatchObject({ outcome: "failure", reason: "delivery_failed" });
    expect((await stream(created.id)).status).toBe("healthy");
  });
});

describe("deliverAuditStreamNow", () => {
  it("delivers at once, even inside the backoff, and refuses a paused stream", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 500 });
    await deliverAuditStreams();
    expect((await stream(created.id)).status).toBe("retrying");
    // The creation event, then the audit_stream.delivered_now event itself.
    expect(await deliverAuditStreamNow(admin, created.id, testContext())).toMatchObject({ streams: 1, delivered: 2 });
    expect((await stream(created.id)).status).toBe("healthy");
    const paused = await pauseAuditStream(admin, created.id, testContext());
    await expect(deliverAuditStreamNow(admin, paused.id, testContext())).rejects.toMatchObject({ status: 409 });
  });

  it("needs audit.manage", async () => {
    const { stream: created } = await newStream();
    const reader = await viewerWithPermissions(["audit.read"]);
    await expect(deliverAuditStreamNow(reader, created.id, testContext())).rejects.toMatchObject({ status: 403 });
    await expect(deliverAuditStreamNow(null, created.id, testContext())).rejects.toMatchObject({ status: 401 });
    await expect(sendAuditStreamTest(reader, created.id, testContext())).rejects.toMatchObject({ status: 403 });
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("security review fixes (issue 13)", () => {
  it("F2: a stream's own events and every audit.* event pass its filter", async () => {
    const { stream: created } = await newStream({ actions: ["auth.sign_in_failed"] });
    const { stream: otherStream } = await newStream({ name: "Other", actions: ["auth.sign_in_failed"] });
    await events(1); // customer.created: filtered out
    await audit({ action: "audit.verified", actorId: admin.userId, metadata: {} });
    await updateAuditStream(admin, created.id, { actions: ["analytics.exported"] }, testContext(), created.version);
    await pauseAuditStream(admin, otherStream.id, testContext());
    receiver.requests.length = 0; // the other stream's pause was handed over to it (same receiver)
    await deliverAuditStreams({ streamId: created.id });
    const got = receiver.requests.map((r) => [
      r.json.action,
      (r.json as unknown as { target: { id?: string } | null }).target?.id ?? null,
    ]);
    // The other stream's creation is not about this stream: filtered out; the other's pause too.
    expect(got).toEqual([
      ["audit_stream.created", created.id],
      ["audit.verified", null],
      ["audit_stream.updated", created.id],
    ]);
  });

  it("F8: the payload carries prevHash and hashVersion beside hash, linking the chain", async () => {
    await newStream();
    await events(2);
    await deliverAuditStreams();
    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies).toHaveLength(3);
    const rows = await db.auditEvent.findMany({
      where: { id: { in: bodies.map((b) => String(b.id)) } },
      select: { id: true, prevHash: true, hash: true, hashVersion: true },
    });
    for (const body of bodies) {
      const row = rows.find((r) => r.id === body.id)!;
      expect(body).toMatchObject({ prevHash: row.prevHash, hash: row.hash, hashVersion: row.hashVersion });
    }
    // Unfiltered and consecutive here: each prevHash is the hash before it.
    expect(bodies[2]!.prevHash).toBe(bodies[1]!.hash);
    expect(bodies[1]!.prevHash).toBe(bodies[0]!.hash);
  });

  it("F5: a run stops starting attempts after its wall time, leaving the rest for the next run", async () => {
    const { stream: created } = await newStream();
    const added = await events(3);
    receiver.answers.push({ status: 200, delayMs: 150 }, { status: 200, delayMs: 150 });
    const summary = await deliverAuditStreams({ maxRunMs: 100 });
    expect(summary).toMatchObject({ streams: 1, delivered: 1 });
    expect((await stream(created.id)).leaseUntil).toBeNull();
    await deliverAuditStreams({ maxRunMs: 60_000 });
    expect(receiver.requests.map((r) => r.json.id).slice(1)).toEqual(added.map((e) => e.id));
  });

  it("F5: the lease outlasts two worst-case attempts", async () => {
    const { STREAM_LEASE_MS } = await import("@/lib/audit/streams/deliver-audit-streams");
    const { STREAM_TIMEOUT_MS } = await import("@/lib/audit/streams/post-to-stream");
    expect(STREAM_LEASE_MS).toBeGreaterThanOrEqual(2 * STREAM_TIMEOUT_MS);
  });

  it("F5/F10: Deliver now makes the stream due (backoff ended), audits it and runs one bounded run", async () => {
    const { stream: created } = await newStream();
    receiver.answers.push({ status: 500 });
    await deliverAuditStreams();
    const before = await stream(created.id);
    expect(before.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    receiver.otherwise = { status: 500 };
    const summary = await deliverAuditStreamNow(admin, created.id, testContext());
    expect(summary).toMatchObject({ streams: 1, failed: 1 });
    const event = await db.auditEvent.findFirst({
      where: { action: "audit_stream.delivered_now", targetId: created.id },
    });
    expect(event).toMatchObject({ actorId: admin.userId, targetType: "audit_stream" });
    const { DELIVER_NOW_LIMITS } = await import("@/lib/data/audit-streams/deliver-audit-stream-now");
    expect(DELIVER_NOW_LIMITS.maxRunMs).toBeLessThanOrEqual(20_000);
  });

  it("F10: Send test and Deliver now share a per-user rate limit (429), checked before calling out", async () => {
    const { stream: created } = await newStream();
    for (let i = 0; i < LIMITS.auditStreamProbe.points; i++)
      await (i % 2
        ? sendAuditStreamTest(admin, created.id, testContext())
        : deliverAuditStreamNow(admin, created.id, testContext()));
    const sent = receiver.requests.length;
    await expect(sendAuditStreamTest(admin, created.id, testContext())).rejects.toMatchObject({ status: 429 });
    await expect(deliverAuditStreamNow(admin, created.id, testContext())).rejects.toMatchObject({ status: 429 });
    expect(receiver.requests).toHaveLength(sent);
  });

  it("F3: delivers to the full URL (query and token included) kept encrypted", async () => {
    const { stream: created } = await newStream({ url: `${receiver.url}/collector/TOKEN123?token=abc` });
    expect(created.urlDisplay).toBe(`http://127.0.0.1:${receiver.port}/opsdeck/…`);
    const row = await stream(created.id);
    expect(row.url).toMatch(/^enc:v1:/);
    expect(row.url).not.toContain("TOKEN123");
    await deliverAuditStreams();
    expect(receiver.requests.map((r) => r.path)).toEqual(["/opsdeck/collector/TOKEN123?token=abc"]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "audit_stream.created", targetId: created.id },
    });
    expect(event.metadata).not.toContain("TOKEN123");
    expect(event.metadata).not.toContain("abc");
  });

  it("F3: a URL stored in clear (before encryption) is delivered to and sealed", async () => {
    const { stream: created } = await newStream();
    await db.auditStream.update({ where: { id: created.id }, data: { url: `${receiver.url}/legacy?token=old` } });
    await deliverAuditStreams();
    expect(receiver.requests.map((r) => r.path)).toEqual(["/opsdeck/legacy?token=old"]);
    const row = await stream(created.id);
    expect(row.url).toMatch(/^enc:v1:/);
    expect(row.url).not.toContain("token=old");
  });

  describe("F2 (b): a pause, new URL or deletion is first handed over to the old destination", () => {
    it("pause: the old endpoint gets audit_stream.paused at once, recorded as a handover", async () => {
      const { stream: created } = await newStream();
      await deliverAuditStreams();
      receiver.requests.length = 0;
      await pauseAuditStream(admin, created.id, testContext());
      expect(receiver.requests.map((r) => r.json.action)).toEqual(["audit_stream.paused"]);
      const row = await db.auditStreamDelivery.findFirstOrThrow({
        where: { streamId: created.id, result: "handover" },
      });
      expect(row).toMatchObject({ eventId: receiver.requests[0]!.json.id, statusCode: 200, error: null });
      // A paused stream has nothing to hand over to: a URL change while paused sends nothing.
      const other = await startTestReceiver("/other");
      try {
        await updateAuditStream(admin, created.id, { url: other.url }, testContext());
        expect(receiver.requests).toHaveLength(1);
        expect(other.requests).toHaveLength(0);
      } finally {
        await other.close();
      }
    });

    it("new URL: the old endpoint gets audit_stream.updated, signed with the old secret; a failure is recorded", async () => {
      const { stream: created, secret } = await newStream();
      await deliverAuditStreams();
      receiver.requests.length = 0;
      receiver.answers.push({ status: 503, body: "busy" });
      const other = await startTestReceiver("/other");
      try {
        await updateAuditStream(admin, created.id, { url: other.url }, testContext());
        expect(receiver.requests.map((r) => r.json.action)).toEqual(["audit_stream.updated"]);
        expect(verifyOpsdeckSignature(secret, receiver.requests[0]!)).toBe(true);
        expect(
          await db.auditStreamDelivery.findFirstOrThrow({ where: { streamId: created.id, result: "handover" } }),
        ).toMatchObject({ statusCode: 503, error: "HTTP 503: busy" });
        // The stream itself is not held back by the handover's failure.
        expect((await stream(created.id)).status).toBe("healthy");
        // A name change alone hands nothing over.
        await updateAuditStream(admin, created.id, { name: "Renamed" }, testContext());
        expect(receiver.requests).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it("delete: the old endpoint gets audit_stream.deleted", async () => {
      const { stream: created } = await newStream();
      await deliverAuditStreams();
      receiver.requests.length = 0;
      const { deleteAuditStream } = await import("@/lib/data/audit-streams/delete-audit-stream");
      await deleteAuditStream(admin, created.id, testContext());
      expect(receiver.requests.map((r) => r.json.action)).toEqual(["audit_stream.deleted"]);
      expect(receiver.requests[0]!.body).toContain(created.id);
    });
  });
});
