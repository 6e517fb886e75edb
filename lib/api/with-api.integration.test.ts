// withApi's rate limits (RateLimit-* on every answer, 429 + Retry-After when spent, reads and
// writes counted apart, per key and per IP) and Idempotency-Key on POST (replay, 422 on reuse
// with another body or path, 409 while the first is running, 5xx not stored, key format).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_LIMITS } from "@/lib/api/api-rate-limits";
import { pruneIdempotencyRecords } from "@/lib/api/idempotency";
import { json, withApi } from "@/lib/api/with-api";
import { db } from "@/lib/db";
import { PreconditionFailedError, RateLimitedError } from "@/lib/errors";
import { hit, reset } from "@/lib/rate-limit/limiter";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

const read = withApi(async () => json({ ok: true }), { signedIn: true });

let created = 0;
const create = withApi(
  async (ctx) => {
    const body = (await ctx.json()) as { name?: string; fail?: boolean };
    if (body.fail) throw new Error("boom");
    created += 1;
    return json(
      { data: { id: `rec_${created}`, name: body.name } },
      { status: 201, headers: { Location: `/api/v1/things/rec_${created}`, ETag: '"1"' } },
    );
  },
  { signedIn: true },
);

async function keyHolder() {
  const owner = await createTestUser({ role: "manager" });
  return apiKeyFor(owner.id, ["customers.read"]);
}

const uniqueIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe("withApi rate limits", () => {
  it("every answer carries RateLimit-Limit/Remaining/Reset/Policy, counting down", async () => {
    const { key } = await keyHolder();
    const first = await callRoute(read, "GET", "/api/v1/x", { key });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe(String(API_LIMITS.principalRead.points));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(API_LIMITS.principalRead.points - 1));
    expect(Number(first.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(API_LIMITS.principalRead.duration);
    expect(first.headers.get("ratelimit-policy")).toBe(`${API_LIMITS.principalRead.points};w=60`);
    const second = await callRoute(read, "GET", "/api/v1/x", { key });
    expect(second.headers.get("ratelimit-remaining")).toBe(String(API_LIMITS.principalRead.points - 2));
  });

  it("a spent key budget answers 429 problem+json with Retry-After and RateLimit-Remaining 0", async () => {
    const { key, id } = await keyHolder();
    await hit(API_LIMITS.principalRead, `key:${id}`, API_LIMITS.principalRead.points - 1);
    const last = await callRoute(read, "GET", "/api/v1/x", { key });
    expect(last.status).toBe(200);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");
    const refused = await callRoute(read, "GET", "/api/v1/x", { key });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({ status: 429, code: "rate_limited" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));
    await reset(API_LIMITS.principalRead, `key:${id}`);
    expect((await callRoute(read, "GET", "/api/v1/x", { key })).status).toBe(200);
  });

  it("reads and writes have separate budgets", async () => {
    const { key, id } = await keyHolder();
    await hit(API_LIMITS.principalRead, `key:${id}`, API_LIMITS.principalRead.points);
    expect((await callRoute(read, "GET", "/api/v1/x", { key })).status).toBe(429);
    const write = await callRoute(create, "POST", "/api/v1/x", { key, body: { name: "a" } });
    expect(write.status).toBe(201);
    expect(write.headers.get("ratelimit-limit")).toBe(String(API_LIMITS.principalWrite.points));
  });

  it("another key of the same owner has its own budget", async () => {
    const a = await keyHolder();
    await hit(API_LIMITS.principalRead, `key:${a.id}`, API_LIMITS.principalRead.points);
    const owner = await db.apiKey.findUniqueOrThrow({ where: { id: a.id }, select: { ownerId: true } });
    const b = await apiKeyFor(owner.ownerId, ["customers.read"]);
    expect((await callRoute(read, "GET", "/api/v1/x", { key: a.key })).status).toBe(429);
    expect((await callRoute(read, "GET", "/api/v1/x", { key: b.key })).status).toBe(200);
  });

  it("the per-IP budget is counted before authentication, so bad keys from one address are throttled", async () => {
    const ip = uniqueIp();
    await hit(API_LIMITS.ipRead, ip, API_LIMITS.ipRead.points - 1);
    const headers = { "x-forwarded-for": ip, authorization: "Bearer odk_live_nope" };
    const lastTry = await callRoute(read, "GET", "/api/v1/x", { headers });
    expect(lastTry.status).toBe(401);
    expect(lastTry.headers.get("ratelimit-remaining")).toBe("0");
    const refused = await callRoute(read, "GET", "/api/v1/x", { headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    // A valid key from the same address is refused too: the address's budget is spent.
    const { key } = await keyHolder();
    expect((await callRoute(read, "GET", "/api/v1/x", { key, headers: { "x-forwarded-for": ip } })).status).toBe(429);
    // Another address is not.
    expect(
      (await callRoute(read, "GET", "/api/v1/x", { key, headers: { "x-forwarded-for": uniqueIp() } })).status,
    ).toBe(200);
  });

  it("reports the tightest budget: the IP's when it has fewer requests left than the key's", async () => {
    const ip = uniqueIp();
    await hit(API_LIMITS.ipRead, ip, API_LIMITS.ipRead.points - 5);
    const { key } = await keyHolder();
    const res = await callRoute(read, "GET", "/api/v1/x", { key, headers: { "x-forwarded-for": ip } });
    expect(res.headers.get("ratelimit-limit")).toBe(String(API_LIMITS.ipRead.points));
    expect(res.headers.get("ratelimit-remaining")).toBe("4");
  });
});

describe("withApi Idempotency-Key on POST", () => {
  const post = (key: string, idem: string, body: unknown, path = "/api/v1/things") =>
    callRoute(create, "POST", path, { key, body, headers: { "idempotency-key": idem } });

  it("replays the first answer for the same key and body: status, body, Location, ETag, and Idempotent-Replayed", async () => {
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    const first = await post(key, idem, { name: "Ada" });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const before = created;
    const again = await post(key, idem, { name: "Ada" });
    expect(created).toBe(before);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("etag")).toBe('"1"');
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("ratelimit-remaining")).toBeTruthy();
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("without the header, the same body runs twice", async () => {
    const { key } = await keyHolder();
    const a = await callRoute(create, "POST", "/api/v1/things", { key, body: { name: "x" } });
    const b = await callRoute(create, "POST", "/api/v1/things", { key, body: { name: "x" } });
    expect(a.body.data.id).not.toBe(b.body.data.id);
  });

  it("the same key with another body or another path is 422 idempotency_key_reused", async () => {
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    expect((await post(key, idem, { name: "Ada" })).status).toBe(201);
    const otherBody = await post(key, idem, { name: "Grace" });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe("idempotency_key_reused");
    const otherPath = await post(key, idem, { name: "Ada" }, "/api/v1/other");
    expect(otherPath.status).toBe(422);
    expect(otherPath.body.code).toBe("idempotency_key_reused");
  });

  it("a second request while the first is running is 409 idempotency_in_progress", async () => {
    const { key } = await keyHolder();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = withApi(
      async () => {
        await gate;
        return json({ done: true }, { status: 201 });
      },
      { signedIn: true },
    );
    const idem = randomBytes(8).toString("hex");
    const opts = { key, body: { a: 1 }, headers: { "idempotency-key": idem } };
    const first = callRoute(slow, "POST", "/api/v1/slow", opts);
    // Let the first claim the key.
    for (let i = 0; i < 50; i++) {
      if (await db.idempotencyRecord.findFirst({ where: { key: idem } })) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const second = await callRoute(slow, "POST", "/api/v1/slow", opts);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("idempotency_in_progress");
    release();
    expect((await first).status).toBe(201);
    const third = await callRoute(slow, "POST", "/api/v1/slow", opts);
    expect(third.status).toBe(201);
    expect(third.headers.get("idempotent-replayed")).toBe("true");
  });

  it("a 5xx is not stored: the retry runs again", async () => {
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    const failed = await post(key, idem, { fail: true });
    expect(failed.status).toBe(500);
    expect(await db.idempotencyRecord.count({ where: { key: idem } })).toBe(0);
    const retried = await post(key, idem, { fail: true });
    expect(retried.status).toBe(500);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a 412 or a 429 from the handler is not stored (the same request may succeed later), and If-Match is part of the request", async () => {
    let answer = 412;
    const guarded = withApi(
      async () => {
        if (answer === 412) throw new PreconditionFailedError();
        if (answer === 429) throw new RateLimitedError(30);
        return json({ data: { ok: true } }, { status: 201 });
      },
      { signedIn: true },
    );
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    const send = (ifMatch: string) =>
      callRoute(guarded, "POST", "/api/v1/things", { key, body: {}, headers: { "idempotency-key": idem, "if-match": ifMatch } });
    expect((await send('"1"')).status).toBe(412);
    answer = 429;
    expect((await send('"2"')).status).toBe(429);
    expect(await db.idempotencyRecord.count({ where: { key: idem } })).toBe(0);
    answer = 201;
    expect((await send('"2"')).status).toBe(201);
    // Stored now; the same key with another If-Match is another request.
    expect((await send('"3"')).status).toBe(422);
  });

  it("a 4xx answer is stored and replayed like any other", async () => {
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    const bad = await callRoute(create, "POST", "/api/v1/things", {
      key,
      rawBody: "{nope",
      headers: { "idempotency-key": idem, "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    const again = await callRoute(create, "POST", "/api/v1/things", {
      key,
      rawBody: "{nope",
      headers: { "idempotency-key": idem, "content-type": "application/json" },
    });
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("keys are per principal: another key may use the same Idempotency-Key", async () => {
    const a = await keyHolder();
    const b = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    const first = await post(a.key, idem, { name: "Ada" });
    const other = await post(b.key, idem, { name: "Ada" });
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(other.body.data.id).not.toBe(first.body.data.id);
  });

  it("a handler reading the request body itself still gets it, and the JSON cap still holds", async () => {
    const { key } = await keyHolder();
    const raw = withApi(async (ctx) => json({ text: await ctx.request.text() }, { status: 201 }), { signedIn: true });
    const csv = "name,email\r\nAda,\r\n";
    const headers = { "idempotency-key": randomBytes(8).toString("hex"), "content-type": "text/csv" };
    const first = await callRoute(raw, "POST", "/api/v1/import", { key, rawBody: csv, headers });
    expect(first.body).toEqual({ text: csv });
    const again = await callRoute(raw, "POST", "/api/v1/import", { key, rawBody: csv, headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const big = await callRoute(create, "POST", "/api/v1/things", {
      key,
      body: { name: "x".repeat(64 * 1024) },
      headers: { "idempotency-key": randomBytes(8).toString("hex") },
    });
    expect(big.status).toBe(413);
  });

  it("a malformed Idempotency-Key is 400 invalid_idempotency_key", async () => {
    const { key } = await keyHolder();
    for (const idem of ["", "has space", "x".repeat(256), "tab\there", "é"]) {
      const res = await post(key, idem, { name: "x" });
      expect(res.status, JSON.stringify(idem)).toBe(400);
      expect(res.body.code).toBe("invalid_idempotency_key");
    }
    expect((await post(key, "x".repeat(255), { name: "x" })).status).toBe(201);
  });

  it("an expired record no longer replays, and pruning deletes it", async () => {
    const { key } = await keyHolder();
    const idem = randomBytes(8).toString("hex");
    await post(key, idem, { name: "Ada" });
    await db.idempotencyRecord.updateMany({ where: { key: idem }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const fresh = await post(key, idem, { name: "Other" });
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    await db.idempotencyRecord.updateMany({ where: { key: idem }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await pruneIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { key: idem } })).toBe(0);
  });
});

describe("withApi and NUL characters (PostgreSQL text cannot hold them)", () => {
  it("refuses them in a JSON body, the query string and path parameters with 400, before the handler runs", async () => {
    const { key } = await keyHolder();
    const before = created;
    const body = await callRoute(create, "POST", "/api/v1/things", { key, body: { name: "a\u0000b" } });
    expect(body.status).toBe(400);
    expect(body.body.code).toBe("nul_character");
    const query = await callRoute(read, "GET", "/api/v1/things?q=a%00b", { key });
    expect(query.status).toBe(400);
    const param = await callRoute(read, "GET", "/api/v1/things/x", { key, params: { id: "x\u0000" } });
    expect(param.status).toBe(400);
    expect(created).toBe(before);
  });
});
