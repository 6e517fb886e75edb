import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { adjustStock } from "@/lib/data/products/adjust-stock";
import { createProduct } from "@/lib/data/products/create-product";
import { getProduct } from "@/lib/data/products/get-product";
import { makeProduct, uniqueSku } from "@/lib/data/products/product-test-fixtures";
import { updateProduct } from "@/lib/data/products/update-product";
import { viewerWithRole } from "@/test/role-viewers";
import { testContext } from "@/test/helpers";

let manager: Viewer;
let staff: Viewer;

beforeAll(async () => {
  [manager, staff] = await Promise.all([viewerWithRole("manager"), viewerWithRole("staff")]);
});

async function lastAudit(targetId: string) {
  const row = await db.auditEvent.findFirst({ where: { targetId }, orderBy: { seq: "desc" } });
  return row ? { ...row, metadata: JSON.parse(row.metadata) as Record<string, unknown> } : null;
}

describe("createProduct", () => {
  it("creates with an upper-cased SKU, records who, and audits the values", async () => {
    const sku = uniqueSku("new").toLowerCase();
    const product = await createProduct(manager, { sku, name: "Tea", unitPrice: 1250, currency: "usd" }, testContext());
    expect(product).toMatchObject({
      sku: sku.toUpperCase(),
      unitPrice: 1250,
      unitCost: 0,
      currency: "USD",
      version: 1,
      active: true,
      archived: false,
      lowStock: true,
      createdBy: { id: manager.userId },
      updatedBy: { id: manager.userId },
    });
    const event = await lastAudit(product.id);
    expect(event).toMatchObject({ action: "product.created", actorId: manager.userId });
    expect(event?.metadata).toMatchObject({ sku: sku.toUpperCase(), unitPrice: 1250, currency: "USD" });
  });

  it("refuses a taken SKU whatever its case with 409 naming sku", async () => {
    const existing = await makeProduct();
    const error = await createProduct(
      manager,
      { sku: existing.sku.toLowerCase(), name: "Dup", unitPrice: 1, currency: "USD" },
      testContext(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors.sku).toEqual(["Another product already has this SKU."]);
  });

  it("refuses floats and bad fields with 422 per field", async () => {
    const error = await createProduct(
      manager,
      { sku: uniqueSku(), name: "", unitPrice: 12.5, currency: "XYZ", taxRateBps: 20000, stock: -1 },
      testContext(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
      "currency",
      "name",
      "stock",
      "taxRateBps",
      "unitPrice",
    ]);
  });

  it("needs products.write", async () => {
    const input = { sku: uniqueSku(), name: "X", unitPrice: 1, currency: "USD" };
    await expect(createProduct(staff, input, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProduct(null, input, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("getProduct", () => {
  it("reads with products.read; a missing or malformed id is 404", async () => {
    const p = await makeProduct();
    expect((await getProduct(staff, p.id)).sku).toBe(p.sku);
    await expect(getProduct(staff, "nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProduct(staff, { id: p.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProduct(await viewerWithRole("user"), p.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("updateProduct", () => {
  it("writes only what changed, bumps the version, and audits before/after", async () => {
    const p = await makeProduct();
    const { product, changed } = await updateProduct(
      manager,
      p.id,
      { unitPrice: 1350, name: "Fixture product", currency: "USD" },
      testContext(),
      1,
    );
    expect(changed).toEqual(["unitPrice"]);
    expect(product).toMatchObject({ unitPrice: 1350, version: 2, updatedBy: { id: manager.userId } });
    const event = await lastAudit(p.id);
    expect(event?.action).toBe("product.updated");
    expect(event?.metadata).toMatchObject({ changed: ["unitPrice"], unitPriceBefore: 1250, unitPriceAfter: 1350 });
    expect(event?.metadata).not.toHaveProperty("nameBefore");
  });

  it("an edit that changes nothing writes nothing", async () => {
    const p = await makeProduct();
    const { product, changed } = await updateProduct(manager, p.id, { unitPrice: 1250 }, testContext());
    expect(changed).toEqual([]);
    expect(product.version).toBe(1);
    expect(await lastAudit(p.id)).toBeNull();
  });

  it("a stale version is 412 and writes nothing", async () => {
    const p = await makeProduct();
    await updateProduct(manager, p.id, { stock: 4 }, testContext(), 1);
    await expect(updateProduct(manager, p.id, { stock: 9 }, testContext(), 1)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await getProduct(manager, p.id)).stock).toBe(4);
  });

  it("a SKU taken by another product is 409; its own SKU in another case is fine", async () => {
    const [a, b] = [await makeProduct(), await makeProduct()];
    await expect(updateProduct(manager, a.id, { sku: b.sku }, testContext())).rejects.toBeInstanceOf(ConflictError);
    expect((await updateProduct(manager, a.id, { sku: a.sku.toLowerCase() }, testContext())).changed).toEqual([]);
  });

  it("404 for a missing id, 403 without products.write", async () => {
    await expect(updateProduct(manager, "cmissing000", { stock: 1 }, testContext())).rejects.toBeInstanceOf(NotFoundError);
    const p = await makeProduct();
    await expect(updateProduct(staff, p.id, { stock: 1 }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("adjustStock", () => {
  it("moves stock by a delta with a reason, audited", async () => {
    const p = await makeProduct({ stock: 10 });
    const after = await adjustStock(manager, p.id, { delta: 24, reason: "Delivery" }, testContext());
    expect(after).toMatchObject({ stock: 34, version: 2 });
    expect((await lastAudit(p.id))?.metadata).toMatchObject({
      stockBefore: 10,
      stockAfter: 34,
      delta: 24,
      reason: "Delivery",
    });
  });

  it("never below zero (422 naming delta), 412 when stale, 404 when missing", async () => {
    const p = await makeProduct({ stock: 2 });
    const error = await adjustStock(manager, p.id, { delta: -3, reason: "Broken" }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.delta?.[0]).toContain("Only 2 in stock");
    await expect(adjustStock(manager, p.id, { delta: -1, reason: "x" }, testContext(), 7)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(adjustStock(manager, "cmissing1", { delta: 1, reason: "x" }, testContext())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getProduct(manager, p.id)).stock).toBe(2);
  });
});
