import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { csvResponse } from "@/lib/csv/csv-export";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createCustomer } from "@/lib/data/customers/create-customer";
import { exportCustomers } from "@/lib/data/customers/export-customers";
import { importCustomers } from "@/lib/data/customers/import-customers";
import { marker } from "@/lib/data/customers/customers-test-kit";
import { parseCustomerListQuery } from "@/lib/validations/customer-list-query";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let staff: Viewer;
const m = marker("im");
const count = () => db.customer.count({ where: { name: { startsWith: m } } });

beforeAll(async () => {
  staff = await viewerWithRole("staff");
  await createCustomer(staff, { name: `${m} existing`, email: `${m}.taken@example.com` }, testContext());
});

describe("importCustomers", () => {
  const good = [
    "Name,Email,Phone,Tags,Notes",
    `${m} Ada,${m}.ada@example.com,+44 1,vip; wholesale,`,
    `"${m} Grace, Hopper",,,,"Line one`,
    `line two"`,
  ].join("\n");

  it("previews without writing, then commits every row in one go", async () => {
    const preview = await importCustomers(staff, { csv: good, dryRun: true }, testContext());
    expect(preview).toMatchObject({
      dryRun: true,
      committed: false,
      created: 0,
      rowCount: 2,
      validCount: 2,
      errors: [],
    });
    expect(await count()).toBe(1);
    const done = await importCustomers(staff, { csv: good, dryRun: false }, testContext());
    expect(done).toMatchObject({ committed: true, created: 2 });
    const ada = await db.customer.findFirstOrThrow({
      where: { email: `${m}.ada@example.com` },
      include: { tags: true },
    });
    expect(ada.tags.map((t) => t.tag).sort()).toEqual(["vip", "wholesale"]);
    expect(ada.createdById).toBe(staff.userId);
    const grace = await db.customer.findFirstOrThrow({ where: { name: `${m} Grace, Hopper` } });
    expect(grace.notes).toBe("Line one\nline two");
    const event = await db.auditEvent.findFirst({ where: { action: "customer.imported", actorId: staff.userId } });
    expect(JSON.parse(event!.metadata)).toMatchObject({ created: 2 });
  });

  it("writes nothing when any row is bad, and names each row and field", async () => {
    const before = await count();
    const csv = [
      "name,email,tags",
      `${m} ok,${m}.ok@example.com,`,
      `,${m}.noname@example.com,`,
      `${m} bad mail,not-an-email,`,
      `${m} dup,${m}.ok@example.com,`,
      `${m} taken,${m}.TAKEN@example.com,`,
      `${m} tags,,${"x,".repeat(0)}"${Array.from({ length: 25 }, (_, i) => `t${i}`).join(";")}"`,
    ].join("\n");
    const result = await importCustomers(staff, { csv, dryRun: false }, testContext());
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "name"],
      [4, "email"],
      [5, "email"],
      [6, "email"],
      [7, "tags"],
    ]);
    expect(result.errors[2]?.message).toMatch(/row 2/);
    expect(result.validCount).toBe(1);
    expect(await count()).toBe(before);
  });

  it("refuses a file without the name column or too many rows, and needs customers.write", async () => {
    const noName = await importCustomers(staff, { csv: "email\na@example.com\n", dryRun: true }, testContext());
    expect(noName.fileErrors).toEqual(['The header has no "name" column.']);
    const many = await importCustomers(staff, { csv: `name\n${"x\n".repeat(5001)}`, dryRun: true }, testContext());
    expect(many.fileErrors[0]).toMatch(/at most 5000/);
    const reader = await viewerWithPermissions(["customers.read"]);
    await expect(importCustomers(reader, { csv: good, dryRun: true }, testContext())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("exportCustomers", () => {
  it("streams every matching row of the filter, formula-safe, audited", async () => {
    await createCustomer(staff, { name: `${m} =HYPERLINK("x")`, tags: ["exp"] }, testContext());
    const reader = await viewerWithPermissions(["customers.read"]);
    const query = parseCustomerListQuery({ q: m, sort: "-name", limit: "10" });
    const out = await exportCustomers(reader, query, testContext());
    const records = parse(await csvResponse(out).text()) as string[][];
    expect(records[0]).toEqual([
      "name",
      "email",
      "phone",
      "address",
      "notes",
      "tags",
      "id",
      "archived",
      "created_at",
      "updated_at",
    ]);
    expect(records.length - 1).toBe(await count());
    const names = records.slice(1).map((r) => r[0]!);
    expect(names).toEqual([...names].sort().reverse());
    expect(records.find((r) => r[5] === "exp")?.[0]).toBe(`${m} =HYPERLINK("x")`);
    const event = await db.auditEvent.findFirst({ where: { action: "customer.exported", actorId: reader.userId } });
    expect(JSON.parse(event!.metadata)).toMatchObject({ q: m, sort: "-name", archived: "active" });
  });
});
