// Signed-out visitors of any app page are sent to sign-in, with the page to come back to.
import { expect, test, type APIResponse } from "@playwright/test";

const APP_PAGES = [
  "/dashboard",
  "/board",
  "/records",
  "/logs",
  "/analytics",
  "/admin",
  "/settings",
  "/settings/profile",
  "/records/x",
  "/admin/users/123/edit",
];

function expectSignInRedirect(response: APIResponse, next: string) {
  expect(response.status(), next).toBeGreaterThanOrEqual(300);
  expect(response.status(), next).toBeLessThan(400);
  const location = response.headers()["location"];
  expect(location, next).toBeTruthy();
  const url = new URL(location!, "http://localhost");
  expect(url.pathname, next).toBe("/sign-in");
  expect(url.searchParams.get("next"), next).toBe(next);
}

function deletedCookie(response: APIResponse, name: string): boolean {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .some((h) => {
      const [pair, ...attributes] = h.value.split(";").map((s) => s.trim());
      if (!pair!.startsWith(`${name}=`)) return false;
      const value = pair!.slice(name.length + 1);
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      return value === "" && expired;
    });
}

test.describe("app pages without a session", () => {
  for (const path of APP_PAGES) {
    test(`${path} redirects to /sign-in?next=${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expectSignInRedirect(response, path);
    });
  }

  test("the query string is kept in next", async ({ request }) => {
    expectSignInRedirect(
      await request.get("/records?sort=name&cursor=abc", { maxRedirects: 0 }),
      "/records?sort=name&cursor=abc",
    );
  });

  test("following the redirect shows the sign-in page", async ({ request }) => {
    const response = await request.get("/dashboard");
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).pathname).toBe("/sign-in");
    expect(await response.text()).toContain("Username or email");
  });

  for (const path of ["/dashboard", "/records/x"]) {
    test(`a garbage session cookie on ${path} redirects and is deleted`, async ({ request }) => {
      const response = await request.get(path, {
        maxRedirects: 0,
        headers: { cookie: "authjs.session-token=garbage-not-a-jwt" },
      });
      expectSignInRedirect(response, path);
      expect(deletedCookie(response, "authjs.session-token")).toBe(true);
    });
  }

  test("a well-formed but unknown session cookie is treated the same way", async ({ request }) => {
    // Shaped like an Auth.js JWE (five base64url parts) but not made with this server's secret.
    const fake = [
      "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0",
      "",
      "AAAAAAAAAAAAAAAAAAAAAA",
      "AAAA",
      "AAAAAAAAAAAAAAAAAAAAAA",
    ].join(".");
    const response = await request.get("/board", {
      maxRedirects: 0,
      headers: { cookie: `authjs.session-token=${fake}` },
    });
    expectSignInRedirect(response, "/board");
    expect(deletedCookie(response, "authjs.session-token")).toBe(true);
  });

  test("public pages do not redirect", async ({ request }) => {
    for (const path of ["/sign-in", "/sign-up"]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
  });
});
