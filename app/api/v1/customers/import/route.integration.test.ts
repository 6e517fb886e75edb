import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "./route";
import { countCustomersNamed } from "@/lib/data/customers/customers-test-kit";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

let writer: string;
let reader: string;
const m = uniqueName("ip");
const csvHeaders = { "content-type": "text/csv" };
const count = () => countCustomersNamed(m);

beforeAll(async () => {
  const staff = await createTestUser({ role: "staff" });
  writer = (await apiKeyFor(staff.id, ["customers.read", "customers.write"])).key;
  reader = (await apiKeyFor(staff.id, ["customers.read"])).key;
});

const send = (csv: string, query: Record<string, string> = {}, key = writer) =>
  callRoute(POST, "POST", "/api/v1/customers/import", { key, rawBody: csv, headers: csvHeaders, query });

describe("POST /api/v1/customers/import", () => {
  const bad = `name,email\n${m} a,${m}.a@example.com\n,${m}.b@example.com\n${m} c,nope\n`;

  it("previews with dry_run=true, writing nothing", async () => {
    const res = await send(bad, { dry_run: "true" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ dryRun: true, committed: false, rowCount: 3, validCount: 1 });
    expect(res.body.data.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, "name"],
      [4, "email"],
    ]);
    expect(await count()).toBe(0);
  });

  it("refuses a file with a bad row (422 naming rows[n].field) and writes nothing", async () => {
    const res = await send(bad);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["rows[3].name", "rows[4].email"]);
    expect(await count()).toBe(0);
    const noHeader = await send("email\nx@example.com\n");
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.errors[0].field).toBe("file");
  });

  it("commits a good file: 201 with the number created", async () => {
    const res = await send(`name,tags\n${m} x,vip\n${m} y,\n`);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ committed: true, created: 2 });
    expect(await count()).toBe(2);
  });

  it("answers 415 for JSON, 413 over the cap, 422 for a bad dry_run, 403 without write", async () => {
    const json = await callRoute(POST, "POST", "/api/v1/customers/import", { key: writer, body: { csv: "name\nA" } });
    expect(json.status).toBe(415);
    expect((await send(`name\n${"x".repeat(600 * 1024)}\n`)).status).toBe(413);
    expect((await send("name\nA\n", { dry_run: "1; DROP" })).status).toBe(422);
    expect((await send("name\nA\n", {}, reader)).status).toBe(403);
    expect((await send("name\nA\n", {}, "odk_live_nope")).status).toBe(401);
  });
});
