// The stream DAL with the production setting (AUDIT_STREAM_ALLOW_INSECURE off): who may manage
// streams, what is validated, that the secret is shown once and stored encrypted, every change
// audited in its transaction, optimistic concurrency, and the SSRF refusals at delivery time.
import { lookup } from "node:dns/promises";
import os from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { decryptSecret } from "@/lib/auth/crypto";
import { classifyAddress } from "@/lib/audit/streams/classify-address";
import { deliverAuditStreams } from "@/lib/audit/streams/deliver-audit-streams";
import { startTestReceiver, type TestReceiver } from "@/lib/audit/streams/stream-test-receiver";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { deleteAuditStream } from "@/lib/data/audit-streams/delete-audit-stream";
import { getAuditStream } from "@/lib/data/audit-streams/get-audit-stream";
import { listAuditStreams } from "@/lib/data/audit-streams/list-audit-streams";
import { rotateAuditStreamSecret } from "@/lib/data/audit-streams/rotate-audit-stream-secret";
import { pauseAuditStream, resumeAuditStream } from "@/lib/data/audit-streams/set-audit-stream-paused";
import { sendAuditStreamTest } from "@/lib/data/audit-streams/send-audit-stream-test";
import { updateAuditStream } from "@/lib/data/audit-streams/update-audit-stream";
import { reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let admin: Viewer;
let reader: Viewer;
let receiver: TestReceiver;
const URL_OK = "https://siem.example.com/opsdeck";

beforeAll(async () => {
  admin = await viewerWithRole("admin");
  reader = await viewerWithPermissions(["audit.read"]);
  receiver = await startTestReceiver();
});

beforeEach(async () => {
  await db.auditStream.deleteMany();
  await reset(LIMITS.auditStreamProbe, admin.userId);
});

afterAll(async () => {
  await receiver.close();
  await db.auditStream.deleteMany();
});

const create = (input: Record<string, unknown> = {}, actor: Viewer | null = admin) =>
  createAuditStream(actor, { name: "Splunk", url: URL_OK, ...input }, testContext());

async function auditOf(targetId: string) {
  return db.auditEvent.findMany({
    where: { targetId },
    orderBy: { seq: "asc" },
    select: { action: true, actorId: true, metadata: true },
  });
}

describe("setting", () => {
  it("is off in this file", () => {
    expect(env.AUDIT_STREAM_ALLOW_INSECURE).toBe(false);
  });
});

describe("createAuditStream", () => {
  it("returns the secret once, stores it encrypted with a hint, starts at the newest event and audits", async () => {
    const newest = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const { stream, secret } = await create({ actions: ["auth.*", "customer.deleted", "auth.*"], outcome: "failure" });
    expect(secret).toMatch(/^whsec_/);
    expect(stream).toMatchObject({
      name: "Splunk",
      urlDisplay: URL_OK,
      status: "healthy",
      enabled: true,
      version: 1,
      secretHint: secret.slice(-4),
      filter: { actions: ["auth.*", "customer.deleted"], outcome: "failure" },
      cursorSeq: newest,
    });
    expect(JSON.stringify(stream)).not.toContain(secret);
    const row = await db.auditStream.findUniqueOrThrow({ where: { id: stream.id } });
    expect(row.secretCipher).not.toContain(secret.slice(6));
    expect(decryptSecret(row.secretCipher)).toBe(secret);
    const events = await auditOf(stream.id);
    expect(events.map((e) => e.action)).toEqual(["audit_stream.created"]);
    expect(events[0]!.actorId).toBe(admin.userId);
    expect(events[0]!.metadata).not.toContain(secret.slice(6));
  });

  it("never returns the secret afterwards (list, get, update, pause)", async () => {
    const { stream, secret } = await create();
    const body = secret.slice(6);
    const outputs = [
      await listAuditStreams(admin),
      await getAuditStream(admin, stream.id),
      await updateAuditStream(admin, stream.id, { name: "Renamed" }, testContext()),
      await pauseAuditStream(admin, stream.id, testContext()),
    ];
    for (const out of outputs) {
      const text = JSON.stringify(out);
      expect(text).not.toContain(body);
      expect(text).not.toContain("secretCipher");
    }
  });

  it("refuses what it cannot deliver to, on the field", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: "http://siem.example.com/" }, "url", /https/],
      [{ url: "https://127.0.0.1/" }, "url", /loopback/],
      [{ url: "https://2130706433/" }, "url", /loopback/],
      [{ url: "https://169.254.169.254/" }, "url", /link-local/],
      [{ url: "https://[fd00::5]/" }, "url", /private-network/],
      [{ url: "https://localhost:8443/" }, "url", /localhost/],
      [{ url: "https://u:p@siem.example.com/" }, "url", /user name and password/],
      [{ url: "not a url" }, "url", /full URL/],
      [{ name: "  " }, "name", /Enter a name/],
      [{ actions: ["auth.*", "nope.*"] }, "actions", /Unknown action or group: nope\.\*/],
      [{ actions: ["customer.exploded"] }, "actions", /Unknown action/],
      [{ outcome: "maybe" }, "outcome", /success, failure or any/],
    ];
    for (const [input, field, message] of cases) {
      const error = await create(input).then(
        () => null,
        (e: unknown) => e as { status: number; fieldErrors: Record<string, string[]> },
      );
      expect(error?.status, JSON.stringify(input)).toBe(422);
      expect(error?.fieldErrors[field]?.join(" "), JSON.stringify(input)).toMatch(message);
    }
    expect(await db.auditStream.count()).toBe(0);
  });

  it("needs audit.manage (401 without a viewer, 403 with audit.read only)", async () => {
    await expect(create({}, null)).rejects.toMatchObject({ status: 401 });
    await expect(create({}, reader)).rejects.toMatchObject({ status: 403 });
    const { stream } = await create();
    await expect(listAuditStreams(reader)).rejects.toMatchObject({ status: 403 });
    await expect(getAuditStream(reader, stream.id)).rejects.toMatchObject({ status: 403 });
    await expect(updateAuditStream(reader, stream.id, { name: "x" }, testContext())).rejects.toMatchObject({
      status: 403,
    });
    await expect(pauseAuditStream(reader, stream.id, testContext())).rejects.toMatchObject({ status: 403 });
    await expect(rotateAuditStreamSecret(reader, stream.id, testContext())).rejects.toMatchObject({ status: 403 });
    await expect(deleteAuditStream(reader, stream.id, testContext())).rejects.toMatchObject({ status: 403 });
    expect(await db.auditStream.count()).toBe(1);
    expect((await auditOf(stream.id)).map((e) => e.action)).toEqual(["audit_stream.created"]);
  });

  it("allows at most 20 streams", async () => {
    for (let i = 0; i < 20; i++) await create({ name: `S${i}` });
    await expect(create({ name: "one too many" })).rejects.toMatchObject({ status: 409 });
    expect(await db.auditStream.count()).toBe(20);
  });
});

describe("changing a stream", () => {
  it("updates only what differs, audits before and after, and refuses a stale version", async () => {
    const { stream } = await create({ actions: ["auth.*"] });
    const same = await updateAuditStream(admin, stream.id, { name: "Splunk" }, testContext(), 1);
    expect(same.version).toBe(1);
    const changed = await updateAuditStream(
      admin,
      stream.id,
      { url: "https://siem2.example.com/in", actions: [], outcome: "success" },
      testContext(),
      1,
    );
    expect(changed).toMatchObject({
      version: 2,
      urlDisplay: "https://siem2.example.com/in",
      filter: { actions: [], outcome: "success" },
    });
    const events = await auditOf(stream.id);
    expect(events.map((e) => e.action)).toEqual(["audit_stream.created", "audit_stream.updated"]);
    expect(JSON.parse(events[1]!.metadata)).toMatchObject({
      changed: ["actions", "outcome", "url"],
      urlChanged: true,
      urlBefore: URL_OK,
      urlAfter: "https://siem2.example.com/in",
      actionsBefore: ["auth.*"],
      actionsAfter: [],
    });
    await expect(updateAuditStream(admin, stream.id, { name: "Late" }, testContext(), 1)).rejects.toMatchObject({
      status: 412,
    });
    await expect(
      updateAuditStream(admin, stream.id, { url: "https://10.1.1.1/" }, testContext(), 2),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { url: [expect.stringMatching(/private-network/)] },
    });
    expect((await getAuditStream(admin, stream.id)).name).toBe("Splunk");
    // outcome: null is "any outcome"; leaving it out keeps the current one.
    expect((await updateAuditStream(admin, stream.id, { name: "Kept" }, testContext())).filter.outcome).toBe("success");
    const any = await updateAuditStream(admin, stream.id, { name: "Splunk", outcome: null }, testContext());
    expect(any).toMatchObject({ version: 4, filter: { outcome: null } });
  });

  it("pauses and resumes (clearing the backoff), each once audited", async () => {
    const { stream } = await create();
    await db.auditStream.update({
      where: { id: stream.id },
      data: { status: "failing", failureCount: 7, nextAttemptAt: new Date(Date.now() + 3600_000) },
    });
    const paused = await pauseAuditStream(admin, stream.id, testContext(), 1);
    expect(paused).toMatchObject({ enabled: false, status: "paused", nextAttemptAt: null, version: 2 });
    expect((await pauseAuditStream(admin, stream.id, testContext())).version).toBe(2);
    const resumed = await resumeAuditStream(admin, stream.id, testContext(), 2);
    expect(resumed).toMatchObject({
      enabled: true,
      status: "healthy",
      failureCount: 0,
      nextAttemptAt: null,
      version: 3,
    });
    expect((await auditOf(stream.id)).map((e) => e.action)).toEqual([
      "audit_stream.created",
      "audit_stream.paused",
      "audit_stream.resumed",
    ]);
  });

  it("rotates the secret: a new one shown once, the hint changes, the old one no longer stored", async () => {
    const { stream, secret } = await create();
    const rotated = await rotateAuditStreamSecret(admin, stream.id, testContext(), 1);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.stream.secretHint).toBe(rotated.secret.slice(-4));
    const row = await db.auditStream.findUniqueOrThrow({ where: { id: stream.id } });
    expect(decryptSecret(row.secretCipher)).toBe(rotated.secret);
    const event = (await auditOf(stream.id)).at(-1)!;
    expect(event.action).toBe("audit_stream.secret_rotated");
    expect(event.metadata).not.toContain(rotated.secret.slice(6));
    await expect(rotateAuditStreamSecret(admin, stream.id, testContext(), 1)).rejects.toMatchObject({ status: 412 });
  });

  it("deletes a stream with its deliveries; afterwards it is 404 everywhere", async () => {
    const { stream } = await create();
    await db.auditStreamDelivery.create({
      data: { streamId: stream.id, eventSeq: 1, eventId: "e", attempt: 1, result: "delivered", durationMs: 1 },
    });
    await expect(deleteAuditStream(admin, stream.id, testContext(), 9)).rejects.toMatchObject({ status: 412 });
    await deleteAuditStream(admin, stream.id, testContext(), 1);
    expect(await db.auditStreamDelivery.count({ where: { streamId: stream.id } })).toBe(0);
    for (const call of [
      () => getAuditStream(admin, stream.id),
      () => updateAuditStream(admin, stream.id, { name: "x" }, testContext()),
      () => pauseAuditStream(admin, stream.id, testContext()),
      () => rotateAuditStreamSecret(admin, stream.id, testContext()),
      () => deleteAuditStream(admin, stream.id, testContext()),
      () => sendAuditStreamTest(admin, stream.id, testContext()),
    ])
      await expect(call()).rejects.toMatchObject({ status: 404 });
    expect((await auditOf(stream.id)).map((e) => e.action)).toEqual(["audit_stream.created", "audit_stream.deleted"]);
    await expect(getAuditStream(admin, "x".repeat(200))).rejects.toMatchObject({ status: 404 });
  });

  it("lists streams with how far behind each is, and gets one with its recent deliveries, newest first", async () => {
    const a = (await create({ name: "A" })).stream;
    await create({ name: "B" });
    await db.auditStreamDelivery.createMany({
      data: [1, 2, 3].map((n) => ({
        streamId: a.id,
        eventSeq: n,
        eventId: `e${n}`,
        attempt: 1,
        result: "delivered",
        durationMs: n,
        createdAt: new Date(Date.now() - (10 - n) * 1000),
      })),
    });
    const list = await listAuditStreams(admin);
    expect(list.map((s) => s.name)).toEqual(["A", "B"]);
    expect(list[0]!.pendingEvents).toBe(2); // both creation events are after A's cursor
    expect(list[1]!.pendingEvents).toBe(1);
    const detail = await getAuditStream(admin, a.id);
    expect(detail.deliveries.map((d) => d.eventId)).toEqual(["e3", "e2", "e1"]);
    expect(detail.pendingEvents).toBe(2);
  });
});

describe("delivery refuses internal targets (AUDIT_STREAM_ALLOW_INSECURE off)", () => {
  // Stored as if made while the setting was on, or written before these rules existed.
  async function rawStream(url: string) {
    const { stream } = await create();
    await db.auditStream.update({ where: { id: stream.id }, data: { url } });
    return stream.id;
  }

  it.each([
    [() => receiver.url, "Use an https:// URL."],
    [() => `https://127.0.0.1:${receiver.port}/`, "The URL points at a loopback address."],
    [() => `https://[::ffff:127.0.0.1]:${receiver.port}/`, "The URL points at a loopback address."],
    [() => `https://2130706433:${receiver.port}/`, "The URL points at a loopback address."],
    [() => `https://localhost.:${receiver.port}/`, "The URL points at this machine (localhost)."],
    [() => "https://169.254.169.254/latest/meta-data/", "The URL points at a link-local address."],
    [() => "https://10.0.0.1/", "The URL points at a private-network address."],
  ])("%s", async (url, message) => {
    const id = await rawStream(url());
    await deliverAuditStreams();
    const row = await db.auditStream.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "retrying", lastError: message, failureCount: 1 });
    expect(await sendAuditStreamTest(admin, id, testContext())).toMatchObject({
      ok: false,
      statusCode: null,
      error: message,
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses a host name that resolves to this machine, when it resolves (DNS checked at delivery)", async () => {
    // This machine's own name resolves to a loopback or private address (here through /etc/hosts).
    const host = os.hostname();
    const resolved = await lookup(host);
    expect(classifyAddress(resolved.address)).not.toBe("public");
    const id = await rawStream(`https://${host}:${receiver.port}/`);
    await deliverAuditStreams();
    const row = await db.auditStream.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toMatch(new RegExp(`^The host ${host} resolves to an? [a-z -]+ address; refused\\.$`));
    expect(receiver.requests).toHaveLength(0);
  });

  it("says plainly when a host does not resolve", async () => {
    const id = await rawStream("https://no-such-host.invalid/");
    await deliverAuditStreams();
    expect((await db.auditStream.findUniqueOrThrow({ where: { id } })).lastError).toBe(
      "The host no-such-host.invalid could not be resolved.",
    );
  });
});

describe("the URL is a secret (security review F3)", () => {
  const TOKEN_URL = "https://http-inputs.example.com/services/collector/event?token=SECRET-TOKEN-1";
  const SUMO_URL = "https://collectors.example.com/receiver/v1/http/ZaVnC4dhaV3SECRETPATH";

  it("stores it encrypted and shows and audits only the redacted form", async () => {
    const { stream } = await create({ url: TOKEN_URL });
    expect(stream.urlDisplay).toBe("https://http-inputs.example.com/services/…");
    const row = await db.auditStream.findUniqueOrThrow({ where: { id: stream.id } });
    expect(row.url.startsWith("enc:v1:")).toBe(true);
    expect(decryptSecret(row.url.slice("enc:v1:".length))).toBe(TOKEN_URL);
    await updateAuditStream(admin, stream.id, { url: SUMO_URL }, testContext());
    await updateAuditStream(admin, stream.id, { url: SUMO_URL.replace("SECRETPATH", "OTHERPATH") }, testContext());
    const outputs = [await listAuditStreams(admin), await getAuditStream(admin, stream.id)];
    await deleteAuditStream(admin, stream.id, testContext());
    const events = await auditOf(stream.id);
    expect(events.map((e) => e.action)).toEqual([
      "audit_stream.created",
      "audit_stream.updated",
      "audit_stream.updated",
      "audit_stream.deleted",
    ]);
    for (const text of [...outputs.map((o) => JSON.stringify(o)), ...events.map((e) => e.metadata)]) {
      expect(text).not.toContain("SECRET-TOKEN-1");
      expect(text).not.toContain("token=");
      expect(text).not.toContain("SECRETPATH");
      expect(text).not.toContain("OTHERPATH");
      expect(text).not.toContain("enc:v1:");
    }
    expect(JSON.parse(events[0]!.metadata)).toMatchObject({ url: "https://http-inputs.example.com/services/…" });
    expect(JSON.parse(events[1]!.metadata)).toMatchObject({
      changed: ["url"],
      urlChanged: true,
      urlBefore: "https://http-inputs.example.com/services/…",
      urlAfter: "https://collectors.example.com/receiver/…",
    });
    // Only the token differs: still recorded as a change, with equal redacted forms.
    expect(JSON.parse(events[2]!.metadata)).toMatchObject({ changed: ["url"], urlChanged: true });
    expect(JSON.parse(events[3]!.metadata)).toMatchObject({ url: "https://collectors.example.com/receiver/…" });
  });

  it("keeps the stored URL when the field is left empty or unchanged", async () => {
    const { stream } = await create({ url: TOKEN_URL });
    const kept = await updateAuditStream(admin, stream.id, { url: "", name: "Renamed" }, testContext(), 1);
    expect(kept.version).toBe(2);
    const same = await updateAuditStream(admin, stream.id, { url: TOKEN_URL }, testContext(), 2);
    expect(same.version).toBe(2);
    const row = await db.auditStream.findUniqueOrThrow({ where: { id: stream.id } });
    expect(decryptSecret(row.url.slice("enc:v1:".length))).toBe(TOKEN_URL);
    const events = await auditOf(stream.id);
    expect(JSON.parse(events[1]!.metadata)).toMatchObject({ changed: ["name"] });
    expect(JSON.parse(events[1]!.metadata)).not.toHaveProperty("urlChanged");
  });

  it("redacts to origin and first path segment", async () => {
    const { redactStreamUrl } = await import("@/lib/audit/streams/stream-url");
    expect(redactStreamUrl("https://siem.example.com")).toBe("https://siem.example.com/");
    expect(redactStreamUrl("https://siem.example.com:8088/in?x=1")).toBe("https://siem.example.com:8088/in");
    expect(redactStreamUrl("https://[2001:db8::1]/a/b/c")).toBe("https://[2001:db8::1]/a/…");
  });
});

describe("a stream reads the whole log (security review F14)", () => {
  it("creating, re-pointing, re-filtering and resuming need audit.read as well as audit.manage", async () => {
    const manager = await viewerWithPermissions(["audit.manage"]);
    await expect(create({}, manager)).rejects.toMatchObject({ status: 403 });
    const { stream } = await create();
    await expect(
      updateAuditStream(manager, stream.id, { url: "https://evil.example.com/x" }, testContext()),
    ).rejects.toMatchObject({ status: 403 });
    await expect(updateAuditStream(manager, stream.id, { actions: ["auth.*"] }, testContext())).rejects.toMatchObject({
      status: 403,
    });
    await expect(updateAuditStream(manager, stream.id, { outcome: "failure" }, testContext())).rejects.toMatchObject({
      status: 403,
    });
    // Renaming and pausing give nothing away.
    expect((await updateAuditStream(manager, stream.id, { name: "Renamed" }, testContext())).name).toBe("Renamed");
    expect((await pauseAuditStream(manager, stream.id, testContext())).enabled).toBe(false);
    await expect(resumeAuditStream(manager, stream.id, testContext())).rejects.toMatchObject({ status: 403 });
    const row = await db.auditStream.findUniqueOrThrow({ where: { id: stream.id } });
    expect(row).toMatchObject({ enabled: false, filter: "{}", version: 3 });
    expect((await getAuditStream(admin, stream.id)).urlDisplay).toBe(URL_OK);
  });
});
