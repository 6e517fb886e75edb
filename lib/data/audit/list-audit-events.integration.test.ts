import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { audit } from "@/lib/audit/audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { getAuditEvent } from "@/lib/data/audit/get-audit-event";
import { listOwnAuditEvents } from "@/lib/data/audit/list-own-audit-events";
import { seedAuditEvents, type SeededRange } from "@/lib/data/audit/audit-test-kit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import { parseAuditListQuery } from "@/lib/validations/audit-list-query";
import { viewerWithPermissions } from "@/test/role-viewers";
import { testContext, uniqueName } from "@/test/helpers";

// 60 events whose metadata carries a marker, so `q` isolates them in the shared database.
const m = uniqueName("al");
let reader: Viewer;
let ownReader: Viewer;
let other: Viewer;
let seeded: SeededRange;
const HOUR = 60 * 60 * 1000;
const now = Date.now();

beforeAll(async () => {
  reader = await viewerWithPermissions(["audit.read"]);
  ownReader = await viewerWithPermissions(["audit.read_own"]);
  other = await viewerWithPermissions(["dashboard.view"]);
  seeded = await seedAuditEvents(60, (i) => ({
    action: ["auth.sign_in_failed", "auth.sign_in_succeeded", "customer.created", "customer.updated"][i % 4]!,
    createdAt: new Date(now - (59.5 - i) * HOUR),
    actorId: i % 3 === 0 ? ownReader.userId : reader.userId,
    actorName: i % 3 === 0 ? `${m} Owner` : "Reader Person",
    targetType: i % 4 >= 2 ? "customer" : "user",
    targetId: i % 4 >= 2 ? `${m}-c${i % 5}` : ownReader.userId,
    targetName: i % 4 >= 2 ? `Acme ${i % 5}` : null,
    outcome: i % 4 === 0 ? "failure" : "success",
    reason: i % 4 === 0 ? "invalid_password" : null,
    ipAddress: i % 2 ? "10.9.8.7" : "2001:db8::1",
    metadata: { marker: m, i },
  }));
});

afterAll(async () => {
  await seeded.restore();
});

const list = (params: Record<string, string>, count = true) =>
  listAuditEvents(reader, parseAuditListQuery({ q: m, ...params }), { count });
const seqs = (page: { items: { metadata: Record<string, unknown> }[] }) => page.items.map((e) => e.metadata.i);

describe("listAuditEvents", () => {
  it("lists newest first, with the serialised shape", async () => {
    const page = await list({ limit: "10" });
    expect(page.total).toBe(60);
    expect(seqs(page)).toEqual([59, 58, 57, 56, 55, 54, 53, 52, 51, 50]);
    const e = page.items[0]!;
    expect(e).toMatchObject({
      action: "customer.updated",
      label: "Changed a customer",
      crud: "update",
      outcome: "success",
      actor: { id: reader.userId, type: "user", name: "Reader Person", impersonatorId: null, apiKeyId: null },
      target: { type: "customer", id: `${m}-c4`, name: "Acme 4" },
      ip: "10.9.8.7",
    });
    expect(Object.keys(e)).not.toContain("hash");
    expect(Object.keys(e)).not.toContain("prevHash");
  });

  it("pages by keyset both ways, and oldest first on request", async () => {
    const first = await list({ limit: "25" });
    const second = await list({ limit: "25", cursor: first.nextCursor! });
    expect(second.start).toBe(26);
    expect(seqs(second)[0]).toBe(34);
    const third = await list({ limit: "25", cursor: second.nextCursor! });
    expect(seqs(third)).toHaveLength(10);
    expect(third.nextCursor).toBeNull();
    const back = await list({ limit: "25", cursor: third.prevCursor! });
    expect(seqs(back)).toEqual(seqs(second));
    const oldest = await list({ limit: "10", sort: "seq" });
    expect(seqs(oldest).slice(0, 3)).toEqual([0, 1, 2]);
  });

  it("filters by actor, action, group, target, outcome, IP, person and date range", async () => {
    expect((await list({ actor: ownReader.userId })).total).toBe(20);
    expect((await list({ action: "auth.sign_in_failed" })).total).toBe(15);
    expect((await list({ action: "auth.*" })).total).toBe(30);
    expect((await list({ action: "customer.*", target_id: `${m}-c2` })).total).toBe(6);
    expect((await list({ target_type: "customer" })).total).toBe(30);
    expect((await list({ outcome: "failure" })).total).toBe(15);
    expect((await list({ ip: "2001:db8::1" })).total).toBe(30);
    expect((await list({ actor_name: `${m} owner` })).total).toBe(20);
    // Actor, or the target user: the failed and successful sign-ins at that account, plus its own events.
    const involving = await list({ user: ownReader.userId });
    expect(involving.total).toBe(30 + 20 - 10);
    expect((await list({ range: "24h" })).total).toBe(24);
    const from = new Date(now - 10 * HOUR).toISOString();
    const to = new Date(now - 5 * HOUR).toISOString();
    expect(seqs(await list({ from, to }))).toEqual([54, 53, 52, 51, 50]);
    const combined = await list({ action: "auth.sign_in_failed", actor: ownReader.userId });
    expect(combined.items.every((e) => e.outcome === "failure" && e.actor.id === ownReader.userId)).toBe(true);
    expect(combined.total).toBe(5);
  });

  it("searches the metadata and the actor's and target's names", async () => {
    expect((await list({ q: `${m} acme` })).total).toBe(30);
    expect((await listAuditEvents(reader, parseAuditListQuery({ q: `"i":7,"marker":"${m}"` }))).items).toHaveLength(0);
    expect((await list({ q: `${m} nothing-like-this` })).total).toBe(0);
  });

  it("refuses without audit.read (read_own is not enough) and without a viewer", async () => {
    await expect(list({})).resolves.toBeTruthy();
    await expect(listAuditEvents(ownReader, parseAuditListQuery({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(other, parseAuditListQuery({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(null, parseAuditListQuery({}))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("leaves the chain verifiable (the fixtures are chained like real writes)", async () => {
    const result = await verifyAuditChain();
    expect(result.ok).toBe(true);
  });
});

describe("getAuditEvent", () => {
  it("returns one event with its diff: field pairs and list changes", async () => {
    const changes = changeMetadata({ name: "Acme", phone: "1" }, { name: "Acme Ltd", phone: "1", tags: ["a", "b"] });
    await audit({
      action: "customer.updated",
      actorId: reader.userId,
      targetType: "customer",
      targetId: `${m}-diff`,
      targetName: "Acme Ltd",
      metadata: { ...changes.metadata, tagsBefore: ["a", "c"] },
      context: testContext(),
    });
    await audit({
      action: "admin.user_roles_changed",
      actorId: reader.userId,
      targetType: "user",
      targetId: ownReader.userId,
      metadata: { before: ["user"], after: ["staff", "user"], added: ["staff"], removed: [] },
      context: testContext(),
    });
    const [roles, edit] = (await listAuditEvents(reader, parseAuditListQuery({ actor: reader.userId, limit: "10" }))).items;
    const detail = await getAuditEvent(reader, edit!.id);
    expect(detail.target).toEqual({ type: "customer", id: `${m}-diff`, name: "Acme Ltd" });
    expect(detail.diff.fields).toEqual([
      { field: "name", before: "Acme", after: "Acme Ltd" },
      { field: "tags", before: ["a", "c"], after: ["a", "b"] },
    ]);
    expect(detail.diff.lists).toEqual([{ field: "tags", added: ["b"], removed: ["c"] }]);
    const roleDetail = await getAuditEvent(reader, roles!.id);
    expect(roleDetail.diff.fields).toEqual([{ field: "roles", before: ["user"], after: ["staff", "user"] }]);
    expect(roleDetail.diff.lists).toEqual([{ field: "roles", added: ["staff"], removed: [] }]);
  });

  it("answers not found for unknown or malformed ids, and forbidden without audit.read", async () => {
    await expect(getAuditEvent(reader, "nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAuditEvent(reader, "' OR 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
    const any = (await list({ limit: "10" })).items[0]!;
    await expect(getAuditEvent(ownReader, any.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listOwnAuditEvents", () => {
  it("shows only the viewer's own security events, hiding others' addresses", async () => {
    const page = await listOwnAuditEvents(ownReader, { limit: "100" });
    const ids = new Set(page.items.map((e) => e.id));
    const mine = await listAuditEvents(reader, parseAuditListQuery({ user: ownReader.userId, limit: "100" }));
    const security = mine.items.filter((e) => /^(auth|user|admin|impersonation|api_key)\./.test(e.action));
    expect(page.items.map((e) => e.id)).toEqual(security.map((e) => e.id));
    // Never someone else's customer edits, even with a hand-written filter in the URL.
    expect(page.items.some((e) => e.action.startsWith("customer."))).toBe(false);
    const filtered = await listOwnAuditEvents(ownReader, { limit: "100", user: reader.userId, action: "customer.*" });
    expect(filtered.items.map((e) => e.id)).toEqual(page.items.map((e) => e.id));
    const byAdmin = page.items.find((e) => e.action === "admin.user_roles_changed")!;
    expect(byAdmin).toMatchObject({ by: "administrator", ip: null, userAgent: null });
    const failed = page.items.filter((e) => e.action === "auth.sign_in_failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(ids.size).toBe(page.items.length);
  });

  it("pages by keyset", async () => {
    const first = await listOwnAuditEvents(ownReader, { limit: "10" });
    expect(first.items).toHaveLength(10);
    const second = await listOwnAuditEvents(ownReader, { limit: "10", cursor: first.nextCursor! });
    expect(second.items[0]!.createdAt <= first.items[9]!.createdAt).toBe(true);
    expect(second.items.map((e) => e.id)).not.toContain(first.items[0]!.id);
  });

  it("requires audit.read_own", async () => {
    await expect(listOwnAuditEvents(other, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
