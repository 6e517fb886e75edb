import { expect, test } from "@playwright/test";
import { expectProblem, freshIp, signUpBody } from "./http-helpers";

test.describe("cross-site request forgery guard on route handlers", () => {
  test("a cookie-carrying POST from a foreign origin is refused and writes nothing", async ({ request, baseURL }) => {
    const body = signUpBody();
    const forged = await request.post("/api/v1/auth/sign-up", {
      data: body,
      headers: {
        "x-forwarded-for": freshIp(),
        origin: "https://evil.example",
        cookie: "authjs.session-token=anything",
      },
    });
    await expectProblem(forged, 403, "cross_site_request");
    const sameSite = await request.post("/api/v1/auth/sign-up", {
      data: body,
      headers: { "x-forwarded-for": freshIp(), origin: baseURL!, cookie: "authjs.session-token=anything" },
    });
    // Created now, so the forged request above had not created it.
    expect(sameSite.status()).toBe(201);
  });

  test("Sec-Fetch-Site: cross-site with cookies is refused", async ({ request }) => {
    const response = await request.post("/api/v1/auth/sign-up", {
      data: signUpBody(),
      headers: { "x-forwarded-for": freshIp(), "sec-fetch-site": "cross-site", cookie: "a=b" },
    });
    await expectProblem(response, 403, "cross_site_request");
  });

  test("API clients without cookies are not affected by Origin", async ({ request }) => {
    const response = await request.post("/api/v1/auth/sign-up", {
      data: signUpBody(),
      headers: { "x-forwarded-for": freshIp(), origin: "https://partner.example" },
    });
    expect(response.status()).toBe(201);
  });
});
