import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";
import { listProducts } from "@/lib/data/products/list-products";
import { parseProductListQuery } from "@/lib/validations/product-list-query";
import { viewerWithRole } from "@/test/role-viewers";
import { uniqueName } from "@/test/helpers";

// 14 products sharing a marker in their name, so the search isolates them in the shared database.
// Prices and stock repeat (ties broken by id); every third is inactive, every fifth archived.
const marker = uniqueName("lp").toUpperCase();
const COUNT = 14;
let reader: Viewer;

beforeAll(async () => {
  reader = await viewerWithRole("staff");
  await db.product.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      sku: `${marker}-${String(i).padStart(2, "0")}`,
      name: `${["Apple", "Pear", "Plum"][i % 3]} ${marker}`,
      unitPrice: 100 * (i % 4),
      unitCost: 50,
      currency: "USD",
      stock: i % 5,
      lowStockThreshold: 2,
      active: i % 3 !== 0,
      archivedAt: i % 5 === 4 ? new Date() : null,
      createdAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2))),
    })),
  });
});

const list = (params: Record<string, string>, options?: { count?: boolean }) =>
  listProducts(reader, parseProductListQuery({ q: marker, archived: "all", ...params }), options);

async function walk(params: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await list({ ...params, limit: "10", ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((p) => p.sku));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return seen;
}

describe("listProducts", () => {
  it("pages through every sort in both directions without gaps or repeats", async () => {
    const all = await db.product.findMany({ where: { sku: { startsWith: marker } } });
    for (const key of ["name", "sku", "createdAt", "unitPrice", "stock"] as const) {
      for (const dir of ["", "-"]) {
        const seen = await walk({ sort: `${dir}${key}` });
        expect(seen).toHaveLength(COUNT);
        expect(new Set(seen).size).toBe(COUNT);
        const sorted = [...all].sort((a, b) => {
          const av = a[key] instanceof Date ? (a[key] as Date).getTime() : a[key];
          const bv = b[key] instanceof Date ? (b[key] as Date).getTime() : b[key];
          const c = av < bv ? -1 : av > bv ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
          return dir ? -c : c;
        });
        expect(seen).toEqual(sorted.map((p) => p.sku));
      }
    }
  });

  it("goes back with the previous cursor", async () => {
    const first = await list({ sort: "sku", limit: "10" });
    const second = await list({ sort: "sku", limit: "10", cursor: first.nextCursor! });
    const back = await list({ sort: "sku", limit: "10", cursor: second.prevCursor! });
    expect(back.items.map((p) => p.sku)).toEqual(first.items.map((p) => p.sku));
  });

  it("filters active, archived (not archived by default) and low stock", async () => {
    const all = await db.product.findMany({ where: { sku: { startsWith: marker } } });
    const skus = (rows: { sku: string }[]) => rows.map((r) => r.sku).sort();
    const byDefault = await listProducts(reader, parseProductListQuery({ q: marker, limit: "100" }));
    expect(skus(byDefault.items)).toEqual(skus(all.filter((p) => !p.archivedAt)));
    expect(skus((await list({ archived: "yes", limit: "100" })).items)).toEqual(skus(all.filter((p) => p.archivedAt)));
    expect(skus((await list({ active: "no", limit: "100" })).items)).toEqual(skus(all.filter((p) => !p.active)));
    const low = (await list({ low_stock: "yes", limit: "100" })).items;
    expect(skus(low)).toEqual(skus(all.filter((p) => p.stock <= p.lowStockThreshold)));
    expect(low.every((p) => p.lowStock)).toBe(true);
  });

  it("searches SKU (any case) and name, every word", async () => {
    expect((await list({ q: `${marker.toLowerCase()}-03` })).items.map((p) => p.sku)).toEqual([`${marker}-03`]);
    const pears = await list({ q: `pear ${marker}`, limit: "100" });
    expect(pears.items.length).toBeGreaterThan(0);
    expect(pears.items.every((p) => p.name.startsWith("Pear"))).toBe(true);
  });

  it("counts only when asked", async () => {
    expect((await list({})).total).toBeNull();
    expect((await list({}, { count: true })).total).toBe(COUNT);
    expect((await list({ total: "true" })).total).toBe(COUNT);
  });

  it("needs products.read", async () => {
    await expect(listProducts(await viewerWithRole("user"), parseProductListQuery({}))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
