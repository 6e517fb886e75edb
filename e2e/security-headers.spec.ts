// Every response carries the security headers; pages carry a nonce-based CSP. The e2e server runs
// with NODE_ENV=production, so HSTS must be there too.
import { expect, test, type APIResponse } from "@playwright/test";
import { gotoReady } from "./helpers";

function expectSecurityHeaders(response: APIResponse, label: string) {
  const h = response.headers();
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], label).toBe("DENY");
  expect(h["strict-transport-security"], label).toMatch(/max-age=\d{7,}/);
  expect(h["content-security-policy"], label).toBeTruthy();
  expect(h["content-security-policy"], label).toContain("frame-ancestors 'none'");
  expect(h["x-powered-by"], label).toBeUndefined();
}

function directive(csp: string, name: string): string | undefined {
  return csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d === name || d.startsWith(`${name} `));
}

function nonceOf(csp: string): string {
  const match = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(directive(csp, "script-src") ?? "");
  expect(match, csp).not.toBeNull();
  return match![1]!;
}

test.describe("security headers", () => {
  const cases: [string, string, number][] = [
    ["a page", "/sign-in", 200],
    ["the sign-up page", "/sign-up", 200],
    ["a redirect from the proxy", "/dashboard", 307],
    ["a redirect from the home page", "/", 307],
    ["the health check", "/api/health", 200],
    ["an unknown page", "/this-page-does-not-exist", 404],
    ["an unknown API route", "/api/v1/does-not-exist", 404],
  ];

  for (const [label, path, status] of cases) {
    test(`${label} (${path}) carries them`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(status);
      expectSecurityHeaders(response, path);
    });
  }

  test("an API error (problem+json) carries them", async ({ request }) => {
    const response = await request.post("/api/v1/auth/sign-up", {
      headers: { "content-type": "text/plain", "x-forwarded-for": "10.250.0.1" },
      data: Buffer.from("x"),
    });
    expect(response.status()).toBe(415);
    expectSecurityHeaders(response, "415");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  });

  test("pages get a fresh nonce per request, no 'unsafe-inline' scripts and no framing", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const cspA = first.headers()["content-security-policy"]!;
    const cspB = second.headers()["content-security-policy"]!;
    const scriptSrc = directive(cspA, "script-src")!;
    expect(scriptSrc).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("*");
    expect(directive(cspA, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(cspA, "object-src")).toBe("object-src 'none'");
    expect(directive(cspA, "base-uri")).toBe("base-uri 'self'");
    expect(directive(cspA, "default-src")).toBe("default-src 'self'");

    const nonceA = nonceOf(cspA);
    const nonceB = nonceOf(cspB);
    expect(nonceA).not.toBe(nonceB);
    expect(Buffer.from(nonceA, "base64").length).toBeGreaterThanOrEqual(16);

    // The page's own scripts carry this request's nonce, or the browser would refuse them.
    const html = await first.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonceA]));
    expect(html).not.toContain(nonceB);
  });

  test("the redirect of an app page carries a page CSP", async ({ request }) => {
    const response = await request.get("/dashboard", { maxRedirects: 0 });
    const csp = response.headers()["content-security-policy"]!;
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "script-src")).not.toContain("'unsafe-inline'");
  });

  test("a browser runs the page without CSP violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await gotoReady(page, "/sign-in");
    await expect(page.getByLabel("Username or email")).toBeVisible();
    // Client-side validation only works if React hydrated, i.e. its scripts were allowed to run.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your username or email.")).toBeVisible();
    expect(violations).toEqual([]);
  });
});
