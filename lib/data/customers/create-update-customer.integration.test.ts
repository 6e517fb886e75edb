import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { createCustomer } from "@/lib/data/customers/create-customer";
import { getCustomer } from "@/lib/data/customers/get-customer";
import { updateCustomer } from "@/lib/data/customers/update-customer";
import { marker } from "@/lib/data/customers/customers-test-kit";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let staff: Viewer;
let reader: Viewer;
const m = marker();

beforeAll(async () => {
  staff = await viewerWithRole("staff");
  reader = await viewerWithPermissions(["customers.read"]);
});

async function auditOf(targetId: string) {
  const rows = await db.auditEvent.findMany({ where: { targetId }, orderBy: { seq: "asc" } });
  return rows.map((r) => ({
    action: r.action,
    actorId: r.actorId,
    metadata: JSON.parse(r.metadata) as Record<string, unknown>,
  }));
}

describe("createCustomer", () => {
  it("stores a normalised customer with tags, who made it, and an audit row", async () => {
    const c = await createCustomer(
      staff,
      {
        name: "  Ada   Lovelace ",
        email: ` ${m}.Ada@Example.COM `,
        phone: "",
        tags: ["VIP ", "vip", "Wholesale"],
        notes: "Likes\ntea",
      },
      testContext(),
    );
    expect(c).toMatchObject({
      name: "Ada Lovelace",
      email: `${m}.ada@example.com`,
      phone: null,
      tags: ["vip", "wholesale"],
      notes: "Likes\ntea",
      version: 1,
      archived: false,
      createdBy: { id: staff.userId },
      updatedBy: { id: staff.userId },
    });
    expect(await getCustomer(reader, c.id)).toEqual(c);
    const [event] = await auditOf(c.id);
    expect(event).toMatchObject({ action: "customer.created", actorId: staff.userId });
    expect(event?.metadata).toMatchObject({ emailAfter: `${m}.ada@example.com`, tagsAfter: ["vip", "wholesale"] });
  });

  it("refuses a taken email whatever its case, naming the field (409)", async () => {
    await createCustomer(staff, { name: "First", email: `${m}.dup@example.com` }, testContext());
    const error = await createCustomer(staff, { name: "Second", email: `${m}.DUP@example.com` }, testContext()).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fieldErrors.email[0]).toMatch(/already/);
  });

  it("allows several customers without an email", async () => {
    await createCustomer(staff, { name: "No mail 1", email: null }, testContext());
    await expect(createCustomer(staff, { name: "No mail 2", email: "" }, testContext())).resolves.toMatchObject({
      email: null,
    });
  });

  it("names every invalid field (422)", async () => {
    const error = await createCustomer(
      staff,
      {
        name: " ",
        email: "not-an-email",
        phone: "call me maybe",
        address: "x".repeat(501),
        notes: 5,
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
      },
      testContext(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["address", "email", "name", "notes", "phone", "tags"]);
    const unknown = await createCustomer(staff, { name: "A", isAdmin: true }, testContext()).catch((e) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
  });

  it("needs customers.write (403) and a principal (401)", async () => {
    await expect(createCustomer(reader, { name: "Nope" }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCustomer(null, { name: "Nope" }, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("updateCustomer", () => {
  it("writes only what changed, bumps the version and audits before/after", async () => {
    const c = await createCustomer(
      staff,
      { name: "Grace", email: `${m}.grace@example.com`, tags: ["a"] },
      testContext(),
    );
    const editor = await viewerWithRole("staff");
    const updated = await updateCustomer(
      editor,
      c.id,
      { phone: "+1 555 0100", tags: ["b", "A"], name: "Grace" },
      testContext(),
      1,
    );
    expect(updated).toMatchObject({
      phone: "+1 555 0100",
      tags: ["a", "b"],
      version: 2,
      updatedBy: { id: editor.userId },
    });
    const events = await auditOf(c.id);
    expect(events.at(-1)).toMatchObject({
      action: "customer.updated",
      actorId: editor.userId,
      metadata: {
        changed: ["phone", "tags"],
        phoneBefore: null,
        phoneAfter: "+1 555 0100",
        tagsBefore: ["a"],
        tagsAfter: ["a", "b"],
      },
    });
    // Nothing different: no new version, no audit row.
    const same = await updateCustomer(editor, c.id, { phone: "+1 555 0100" }, testContext());
    expect(same.version).toBe(2);
    expect(await auditOf(c.id)).toHaveLength(events.length);
    // null clears an optional field.
    expect((await updateCustomer(editor, c.id, { phone: null }, testContext())).phone).toBeNull();
  });

  it("refuses a stale version (412) and leaves the record alone", async () => {
    const c = await createCustomer(staff, { name: "Stale" }, testContext());
    await updateCustomer(staff, c.id, { notes: "first" }, testContext(), 1);
    await expect(updateCustomer(staff, c.id, { notes: "second" }, testContext(), 1)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await getCustomer(staff, c.id)).notes).toBe("first");
  });

  it("refuses another customer's email (409) but keeps one's own", async () => {
    await createCustomer(staff, { name: "Owner", email: `${m}.taken@example.com` }, testContext());
    const c = await createCustomer(staff, { name: "Other", email: `${m}.other@example.com` }, testContext());
    await expect(
      updateCustomer(staff, c.id, { email: `${m}.TAKEN@example.com` }, testContext()),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      updateCustomer(staff, c.id, { email: `${m}.Other@example.com` }, testContext()),
    ).resolves.toMatchObject({
      version: 1,
    });
  });

  it("answers 404 for an unknown or malformed id, 403 without write", async () => {
    await expect(updateCustomer(staff, "cmissing000000000000", { name: "x" }, testContext())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(updateCustomer(staff, "x".repeat(500), { name: "x" }, testContext())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getCustomer(staff, "' OR 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
    const c = await createCustomer(staff, { name: "Guarded" }, testContext());
    await expect(updateCustomer(reader, c.id, { name: "x" }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
