// POST /api/v1/auth/sign-up over HTTP: the success shape, the problem+json error contract, that a
// refused request creates nothing, and that the answer never tells whether an email is registered.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectProblem, freshIp, signUpBody } from "./http-helpers";

const URL_ = "/api/v1/auth/sign-up";

function post(request: APIRequestContext, body: unknown, ip = freshIp()) {
  return request.post(URL_, { headers: { "x-forwarded-for": ip }, data: body });
}

/** Proves that nothing was created for this username and email: the same sign-up now succeeds. */
async function expectNothingCreated(request: APIRequestContext, body: Record<string, unknown>) {
  const retry = await post(request, { ...signUpBody(), username: body.username, email: body.email });
  expect(retry.status(), await retry.text()).toBe(201);
}

test.describe("POST /api/v1/auth/sign-up", () => {
  test("creates an account: 201 with a verification_sent answer that names no account and no secrets", async ({
    request,
  }) => {
    const body = signUpBody({
      username: `Api${Date.now().toString(36)}`,
      email: `MiXeD.${Date.now().toString(36)}@Example.com`,
    });
    const response = await post(request, body);
    expect(response.status()).toBe(201);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(await response.json()).toEqual({
      data: { status: "verification_sent", email: String(body.email).toLowerCase() },
    });

    // The same username again is a conflict: the account really exists.
    await expectProblem(await post(request, signUpBody({ username: body.username })), 409, "conflict");
  });

  test("a taken email (in any case) gets exactly the same status and body as a fresh one, and creates nothing", async ({
    request,
  }) => {
    const owner = signUpBody();
    expect((await post(request, owner)).status()).toBe(201);

    const fresh = signUpBody();
    const taken = signUpBody({ email: String(owner.email).toUpperCase() });
    const [freshResponse, takenResponse] = [await post(request, fresh), await post(request, taken)];

    expect(takenResponse.status()).toBe(freshResponse.status());
    expect(takenResponse.status()).toBe(201);
    for (const header of ["content-type", "cache-control"]) {
      expect(takenResponse.headers()[header], header).toBe(freshResponse.headers()[header]);
    }
    const echoed = (body: Record<string, unknown>) => String(body.email).toLowerCase();
    // Byte for byte the same once the echoed address is swapped.
    expect((await takenResponse.text()).replace(echoed(taken), "<email>")).toBe(
      (await freshResponse.text()).replace(echoed(fresh), "<email>"),
    );

    // The username of the refused sign-up is still free: nothing was created for it.
    const retry = await post(request, signUpBody({ username: taken.username }));
    expect(retry.status(), await retry.text()).toBe(201);
  });

  test("409 only for a taken username, naming only that field even when the email is taken too", async ({
    request,
  }) => {
    const first = signUpBody();
    expect((await post(request, first)).status()).toBe(201);
    const problem = await expectProblem(
      await post(request, signUpBody({ username: String(first.username).toUpperCase(), email: first.email })),
      409,
      "conflict",
    );
    expect(problem.errors?.map((e) => e.field)).toEqual(["username"]);
    expect(problem.errors?.[0]?.message).toMatch(/taken/);
    expect(problem.instance).toBe(URL_);
    expect(JSON.stringify(problem)).not.toContain(String(first.email));
  });

  test("taken-username answers count against the per-IP limit", async ({ request }) => {
    const first = signUpBody();
    expect((await post(request, first)).status()).toBe(201);
    const ip = freshIp();
    for (let i = 1; i <= 10; i++) {
      await expectProblem(await post(request, signUpBody({ username: first.username }), ip), 409, "conflict");
    }
    await expectProblem(await post(request, signUpBody({ username: first.username }), ip), 429, "rate_limited");
  });

  test("422 listing every missing field, and creates nothing", async ({ request }) => {
    const problem = await expectProblem(await post(request, {}), 422, "validation_failed");
    const fields = new Set(problem.errors?.map((e) => e.field));
    for (const f of ["username", "email", "firstName", "lastName", "dateOfBirth", "password"])
      expect(fields, f).toContain(f);
    for (const e of problem.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
  });

  test("422 for a 10 kB username, and creates nothing", async ({ request }) => {
    const body = signUpBody({ username: "a".repeat(10_240) });
    const problem = await expectProblem(await post(request, body), 422, "validation_failed");
    expect(problem.errors?.map((e) => e.field)).toEqual(["username"]);
    expect(JSON.stringify(problem)).not.toContain("a".repeat(100));
    await expectNothingCreated(request, { ...body, username: signUpBody().username });
  });

  for (const [label, dateOfBirth] of [
    ["an impossible date", "2001-02-30"],
    ["a future date", "2999-01-01"],
    ["someone under 13", new Date(Date.now() - 5 * 365 * 86_400_000).toISOString().slice(0, 10)],
    ["a malformed date", "30/02/2001"],
  ]) {
    test(`422 for ${label} of birth, and creates nothing`, async ({ request }) => {
      const body = signUpBody({ dateOfBirth });
      const problem = await expectProblem(await post(request, body), 422, "validation_failed");
      expect(problem.errors?.map((e) => e.field)).toEqual(["dateOfBirth"]);
      await expectNothingCreated(request, body);
    });
  }

  test("422 for a weak password, and creates nothing", async ({ request }) => {
    const body = signUpBody({ password: "password123", confirmPassword: "password123" });
    const problem = await expectProblem(await post(request, body), 422, "validation_failed");
    expect(problem.errors?.map((e) => e.field)).toContain("password");
    await expectNothingCreated(request, body);
  });

  test("400 invalid_json for a body that is not JSON, and creates nothing", async ({ request }) => {
    const body = signUpBody();
    // A Buffer is sent as is (a string with a JSON content type would be JSON-encoded by Playwright).
    const truncated = Buffer.from(JSON.stringify(body).slice(0, -1));
    const response = await request.post(URL_, {
      headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
      data: truncated,
    });
    await expectProblem(response, 400, "invalid_json");
    await expectNothingCreated(request, body);
  });

  test("415 for text/plain, and creates nothing", async ({ request }) => {
    const body = signUpBody();
    const response = await request.post(URL_, {
      headers: { "content-type": "text/plain", "x-forwarded-for": freshIp() },
      data: Buffer.from(JSON.stringify(body)),
    });
    await expectProblem(response, 415, "unsupported_media_type");
    await expectNothingCreated(request, body);
  });

  test("413 for a 100 kB body, and creates nothing", async ({ request }) => {
    const body = signUpBody({ padding: "x".repeat(100 * 1024) });
    const response = await post(request, body);
    await expectProblem(response, 413, "payload_too_large");
    await expectNothingCreated(request, body);
  });

  test("422 for JSON that is not an object", async ({ request }) => {
    for (const data of ["[]", "null", "42", '"text"']) {
      const response = await request.post(URL_, {
        headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
        data: Buffer.from(data),
      });
      await expectProblem(response, 422, "validation_failed");
    }
  });

  test("429 with Retry-After after 10 sign-ups from one address, and creates nothing", async ({ request }) => {
    const ip = freshIp();
    for (let i = 1; i <= 10; i++) {
      const response = await post(request, signUpBody(), ip);
      expect(response.status(), `sign-up ${i}`).toBe(201);
    }
    const body = signUpBody();
    // The right-most X-Forwarded-For entry is the client: a forged left part does not escape the limit.
    const response = await post(request, body, `198.51.100.7, ${ip}`);
    const problem = await expectProblem(response, 429, "rate_limited");
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(problem.detail).toMatch(/Try again/);
    // Another address is not affected, and the refused account was not created.
    await expectNothingCreated(request, body);
  });

  test("GET is not allowed", async ({ request }) => {
    const response = await request.get(URL_);
    expect(response.status()).toBe(405);
  });
});
