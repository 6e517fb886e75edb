import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { archiveCustomer } from "@/lib/data/customers/archive-customer";
import { createCustomer } from "@/lib/data/customers/create-customer";
import { deleteCustomer } from "@/lib/data/customers/delete-customer";
import { getCustomer } from "@/lib/data/customers/get-customer";
import { restoreCustomer } from "@/lib/data/customers/restore-customer";
import { saleFor } from "@/lib/data/customers/customers-test-kit";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let staff: Viewer;

beforeAll(async () => {
  staff = await viewerWithRole("staff");
});

const actions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);

describe("deleteCustomer", () => {
  it("deletes a customer without transactions, audited", async () => {
    const c = await createCustomer(staff, { name: "Gone", tags: ["x"] }, testContext());
    await expect(deleteCustomer(staff, c.id, testContext(), 1)).resolves.toEqual({ outcome: "deleted", id: c.id });
    expect(await db.customer.count({ where: { id: c.id } })).toBe(0);
    expect(await db.customerTag.count({ where: { customerId: c.id } })).toBe(0);
    expect(await actions(c.id)).toEqual(["customer.created", "customer.deleted"]);
    await expect(deleteCustomer(staff, c.id, testContext())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("archives a customer with transactions instead, and says so", async () => {
    const c = await createCustomer(staff, { name: "Loyal" }, testContext());
    await saleFor(c.id, staff.userId);
    const result = await deleteCustomer(staff, c.id, testContext());
    expect(result).toMatchObject({ outcome: "archived", transactions: 1, customer: { archived: true, version: 2 } });
    expect(await db.customer.count({ where: { id: c.id } })).toBe(1);
    expect(await actions(c.id)).toEqual(["customer.created", "customer.archived"]);
  });

  it("refuses a stale version (412) and needs customers.write", async () => {
    const c = await createCustomer(staff, { name: "Kept" }, testContext());
    await expect(deleteCustomer(staff, c.id, testContext(), 7)).rejects.toBeInstanceOf(PreconditionFailedError);
    const reader = await viewerWithPermissions(["customers.read"]);
    await expect(deleteCustomer(reader, c.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCustomer(staff, c.id)).version).toBe(1);
  });
});

describe("archiveCustomer / restoreCustomer", () => {
  it("archives and restores, each a new version; repeating changes nothing", async () => {
    const c = await createCustomer(staff, { name: "Seasonal" }, testContext());
    expect(await archiveCustomer(staff, c.id, testContext(), 1)).toMatchObject({ archived: true, version: 2 });
    expect(await archiveCustomer(staff, c.id, testContext())).toMatchObject({ archived: true, version: 2 });
    await expect(restoreCustomer(staff, c.id, testContext(), 1)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await restoreCustomer(staff, c.id, testContext(), 2)).toMatchObject({
      archived: false,
      archivedAt: null,
      version: 3,
    });
    expect(await actions(c.id)).toEqual(["customer.created", "customer.archived", "customer.restored"]);
  });
});
