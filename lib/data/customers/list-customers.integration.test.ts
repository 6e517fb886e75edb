import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { listCustomers } from "@/lib/data/customers/list-customers";
import { getCustomer } from "@/lib/data/customers/get-customer";
import { customerSelect, toCustomerJson } from "@/lib/data/customers/customer-record";
import { createTestUser } from "@/test/create-test-user";
import { marker } from "@/lib/data/customers/customers-test-kit";
import { parseCustomerListQuery } from "@/lib/validations/customer-list-query";
import { viewerWithPermissions } from "@/test/role-viewers";

// 23 customers whose names share a marker, so a search isolates them in the shared database.
const m = marker("lc");
let reader: Viewer;

beforeAll(async () => {
  reader = await viewerWithPermissions(["customers.read"]);
  for (let i = 0; i < 23; i++) {
    await db.customer.create({
      data: {
        name: `${m} ${["Kay", "Lee", "Moss"][i % 3]} ${String(i).padStart(2, "0")}`,
        email: i % 2 ? `${m}${i}@example.com` : null,
        phone: `+44 ${i}`,
        archivedAt: i % 5 === 0 ? new Date() : null,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i % 4)),
        tags: { create: i % 3 === 0 ? [{ tag: `${m}-vip` }] : [] },
      },
    });
  }
});

const list = (params: Record<string, string>, count = true) =>
  listCustomers(reader, parseCustomerListQuery({ q: m, ...params }), { count });

describe("listCustomers", () => {
  it("shows active customers by default, archived or all on request", async () => {
    expect((await list({})).total).toBe(18);
    expect((await list({ archived: "archived" })).total).toBe(5);
    expect((await list({ archived: "all" })).total).toBe(23);
  });

  it("filters by tag (case-insensitive input) and searches name, email and phone", async () => {
    const tagged = await list({ tag: `${m.toUpperCase()}-VIP`, archived: "all" });
    expect(tagged.total).toBe(8);
    expect(tagged.items.every((c) => c.tags.includes(`${m}-vip`))).toBe(true);
    expect((await list({ q: `${m} moss`, archived: "all" })).total).toBe(7);
    expect((await list({ q: `${m}7@EXAMPLE`, archived: "all" })).items.map((c) => c.email)).toEqual([
      `${m}7@example.com`,
    ]);
  });

  it("walks every page forwards and back in a stable order, for each sort", async () => {
    for (const sort of ["name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      const starts: number[] = [];
      do {
        const page = await list({ archived: "all", sort, limit: "10", ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((c) => c.id));
        starts.push(page.start ?? -1);
        cursor = page.nextCursor;
        if (cursor === null && page.prevCursor) {
          const back = await list({ archived: "all", sort, limit: "10", cursor: page.prevCursor });
          expect(back.items.map((c) => c.id)).toEqual(seen.slice(10, 20));
        }
      } while (cursor);
      expect(new Set(seen).size).toBe(23);
      expect(starts).toEqual([1, 11, 21]);
    }
    const byName = await list({ archived: "all", sort: "name", limit: "25" });
    const names = byName.items.map((c) => c.name);
    expect(names).toEqual([...names].sort());
  });

  it("counts only when asked (the API's total=true)", async () => {
    const page = await listCustomers(reader, parseCustomerListQuery({ q: m }));
    expect(page.total).toBeNull();
    expect((await listCustomers(reader, parseCustomerListQuery({ q: m, total: "true" }))).total).toBe(18);
  });

  it("takes % and _ in a search literally, and matches any case", async () => {
    const w = marker("lw");
    await db.customer.createMany({
      data: [{ name: `${w} 50% off` }, { name: `${w} 50 pence` }, { name: `${w} a_b` }, { name: `${w} axb` }],
    });
    const names = async (q: string) => (await list({ q, archived: "all" })).items.map((c) => c.name);
    expect(await names(`${w} 50%`)).toEqual([`${w} 50% off`]);
    expect(await names(`${w} a_b`)).toEqual([`${w} a_b`]);
    expect(await names(`${w.toUpperCase()} AXB`)).toEqual([`${w} axb`]);
  });

  it("hands out what the writers' select reads (names, tags in order, dates, archived)", async () => {
    const author = await createTestUser({ firstName: "Ada" });
    const row = await db.customer.create({
      data: {
        name: `${m} exact`,
        email: `${m}exact@example.com`,
        notes: "n",
        archivedAt: new Date(Date.UTC(2025, 5, 1, 12, 30, 15, 123)),
        createdById: author.id,
        tags: { create: [{ tag: `${m}-zeta` }, { tag: `${m}-alpha` }] },
      },
      select: customerSelect,
    });
    const expected = toCustomerJson(row);
    expect(expected.createdBy).toEqual({ id: author.id, name: "Ada Person" });
    expect(await getCustomer(reader, row.id)).toEqual(expected);
    const listed = await list({ q: `${m} exact`, archived: "archived" });
    expect(listed.items).toEqual([expected]);
  });

  it("needs customers.read", async () => {
    const nobody = await viewerWithPermissions(["products.read"]);
    await expect(listCustomers(nobody, parseCustomerListQuery({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
