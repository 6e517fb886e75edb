import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { archiveProduct } from "@/lib/data/products/archive-product";
import { deleteProduct } from "@/lib/data/products/delete-product";
import { makeProduct, makeSaleOf } from "@/lib/data/products/product-test-fixtures";
import { restoreProduct } from "@/lib/data/products/restore-product";
import { userWithRole } from "@/test/user-admin";
import { testContext } from "@/test/helpers";

let manager: Viewer;
let staff: Viewer;
let managerId: string;

beforeAll(async () => {
  const m = await userWithRole("manager");
  manager = m.viewer;
  managerId = m.id;
  staff = (await userWithRole("staff")).viewer;
});

const actions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);

describe("archive and restore", () => {
  it("archiving takes it off sale; restoring puts it back; each audited once", async () => {
    const p = await makeProduct();
    const archived = await archiveProduct(manager, p.id, testContext(), 1);
    expect(archived).toMatchObject({ archived: true, active: false, version: 2 });
    // Doing it again changes nothing.
    expect((await archiveProduct(manager, p.id, testContext())).version).toBe(2);
    const restored = await restoreProduct(manager, p.id, testContext(), 2);
    expect(restored).toMatchObject({ archived: false, active: true, archivedAt: null, version: 3 });
    expect(await actions(p.id)).toEqual(["product.archived", "product.restored"]);
  });

  it("stale version 412, missing 404, staff 403", async () => {
    const p = await makeProduct();
    await expect(archiveProduct(manager, p.id, testContext(), 5)).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(archiveProduct(manager, "cmissing2", testContext())).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveProduct(staff, p.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("deleteProduct", () => {
  it("deletes a product that was never sold (audited with what it was)", async () => {
    const p = await makeProduct();
    expect(await deleteProduct(manager, p.id, testContext(), 1)).toEqual({ outcome: "deleted", id: p.id });
    expect(await db.product.count({ where: { id: p.id } })).toBe(0);
    const event = await db.auditEvent.findFirst({ where: { targetId: p.id, action: "product.deleted" } });
    expect(JSON.parse(event!.metadata)).toMatchObject({ sku: p.sku, unitPrice: 1250 });
  });

  it("archives a product that was ever sold instead, and says so", async () => {
    const p = await makeProduct();
    await makeSaleOf(p.id, managerId);
    const result = await deleteProduct(manager, p.id, testContext());
    expect(result).toMatchObject({ outcome: "archived", saleLines: 1, product: { archived: true, active: false } });
    expect(await db.product.count({ where: { id: p.id } })).toBe(1);
    const event = await db.auditEvent.findFirst({ where: { targetId: p.id, action: "product.archived" } });
    expect(JSON.parse(event!.metadata).reason).toContain("deletion requested");
  });

  it("stale version 412 (nothing deleted), missing 404, staff 403", async () => {
    const p = await makeProduct();
    await expect(deleteProduct(manager, p.id, testContext(), 3)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await db.product.count({ where: { id: p.id } })).toBe(1);
    await expect(deleteProduct(manager, "cmissing3", testContext())).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProduct(staff, p.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
