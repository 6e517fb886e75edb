// /api/v1/customers over real HTTP with an API key written straight to the e2e database (as the
// API-key DAL stores it: only the SHA-256): create, read with ETag, a stale If-Match refused, the
// list, the CSV export, and no key at all.
// Cells starting with + (phone numbers too) are exported with a leading quote against formula injection.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectProblem } from "../http-helpers";
import { createAccount, withE2eDb } from "../support/admin-session";

function apiKeyFor(ownerId: string, scopes: string[]): string {
  const key = `odk_live_${randomBytes(32).toString("base64url")}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  withE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "ApiKey" ("id", "name", "prefix", "hash", "ownerId", "createdById", "scopes", "createdAt")
         VALUES (?, 'e2e', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`,
        key.slice(0, 17),
        createHash("sha256").update(key, "utf8").digest("hex"),
        ownerId,
        ownerId,
        JSON.stringify(scopes),
        now,
      ),
  );
  return key;
}

test("customers over HTTP: create, get with ETag, stale If-Match, list, export, no key", async ({ request }) => {
  const staff = createAccount(["staff"]);
  const key = apiKeyFor(staff.id, ["customers.read", "customers.write"]);
  const auth = { authorization: `Bearer ${key}` };
  const marker = `cxa${randomBytes(3).toString("hex")}`;

  const created = await request.post("/api/v1/customers", {
    headers: auth,
    data: { name: `${marker} Ada`, email: `${marker}@Example.com`, tags: ["VIP"] },
  });
  expect(created.status()).toBe(201);
  const { data } = (await created.json()) as { data: { id: string; email: string; tags: string[] } };
  expect(data).toMatchObject({ email: `${marker}@example.com`, tags: ["vip"] });

  const got = await request.get(`/api/v1/customers/${data.id}`, { headers: auth });
  expect(got.status()).toBe(200);
  expect(got.headers().etag).toBe('"1"');

  const patched = await request.patch(`/api/v1/customers/${data.id}`, {
    headers: { ...auth, "if-match": '"1"' },
    data: { phone: "+1 555 0100" },
  });
  expect(patched.status()).toBe(200);
  expect(patched.headers().etag).toBe('"2"');
  await expectProblem(
    await request.patch(`/api/v1/customers/${data.id}`, {
      headers: { ...auth, "if-match": '"1"' },
      data: { phone: "1" },
    }),
    412,
    "precondition_failed",
  );
  await expectProblem(
    await request.post("/api/v1/customers", { headers: auth, data: { name: "Dup", email: `${marker}@EXAMPLE.com` } }),
    409,
    "conflict",
  );

  const list = await request.get(`/api/v1/customers?q=${marker}&total=true`, { headers: auth });
  expect(await list.json()).toMatchObject({ total: 1, next_cursor: null });
  await expectProblem(await request.get("/api/v1/customers?sort=name;DROP%20TABLE", { headers: auth }), 422);

  const csv = await request.get(`/api/v1/customers/export?q=${marker}`, { headers: auth });
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain(`${marker} Ada,${marker}@example.com,'+1 555 0100`);

  await expectProblem(await request.get("/api/v1/customers"), 401);
});
