// withApi's cross-site request guard: a state-changing request that carries cookies must come from
// the app's own origin; with an API key (Authorization) cookies are not what authenticates it.
import { describe, expect, it } from "vitest";
import { json, withApi } from "@/lib/api/with-api";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

const handler = withApi(async (ctx) => json({ data: { userId: ctx.actor.userId } }, { status: 201 }), {
  signedIn: true,
});

describe("withApi and cross-site requests", () => {
  it("refuses a cookie-carrying POST from a foreign Origin, or marked cross-site, before anything else", async () => {
    for (const headers of <Record<string, string>[]>[
      { cookie: "authjs.session-token=x", origin: "https://evil.example" },
      { cookie: "authjs.session-token=x", origin: "null" },
      { cookie: "authjs.session-token=x", "sec-fetch-site": "cross-site" },
    ]) {
      const res = await callRoute(handler, "POST", "/api/v1/anything", { headers, body: {} });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("cross_site_request");
    }
  });

  it("lets an API-key request through whatever cookies and Origin it carries (a cross-site form cannot set Authorization)", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key } = await apiKeyFor(owner.id, ["customers.read"]);
    const res = await callRoute(handler, "POST", "/api/v1/anything", {
      key,
      headers: { cookie: "authjs.session-token=x", origin: "https://evil.example" },
      body: {},
    });
    expect(res.status).toBe(201);
    expect(res.body.data.userId).toBe(owner.id);
  });

  it("refuses a cookie-carrying GET of an export (sameOriginReads) when another site started it", async () => {
    const exportHandler = withApi(async () => json({ data: "exported" }), { signedIn: true, sameOriginReads: true });
    for (const site of ["cross-site", "same-site"]) {
      const res = await callRoute(exportHandler, "GET", "/api/v1/export", {
        headers: { cookie: "authjs.session-token=x", "sec-fetch-site": site },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("cross_site_request");
    }
    // An API key is not a cookie a browser sends along: the export runs.
    const owner = await createTestUser({ role: "manager" });
    const { key } = await apiKeyFor(owner.id, ["customers.read"]);
    const keyed = await callRoute(exportHandler, "GET", "/api/v1/export", {
      key,
      headers: { cookie: "authjs.session-token=x", "sec-fetch-site": "cross-site" },
    });
    expect(keyed.status).toBe(200);
  });
});
