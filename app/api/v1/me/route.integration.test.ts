import { describe, expect, it } from "vitest";
import { GET } from "./route";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";

describe("GET /api/v1/me with an API key", () => {
  it("answers the key's principal and the scopes it may use", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key, id } = await apiKeyFor(owner.id, ["customers.read"]);
    const res = await callRoute(GET, "GET", "/api/v1/me", { key });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: owner.id, authenticatedBy: "api_key", permissions: ["customers.read"] });
    expect(res.body.data.apiKey.id).toBe(id);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 401 problem+json with a specific code and WWW-Authenticate for a bad key or header", async () => {
    const owner = await createTestUser({ role: "manager" });
    const revoked = await apiKeyFor(owner.id, ["customers.read"], { revokedAt: new Date() });
    const cases: [Record<string, string>, string][] = [
      [{ authorization: `Bearer ${revoked.key}` }, "api_key_revoked"],
      [{ authorization: "Bearer odk_live_nope" }, "invalid_api_key"],
      [{ authorization: "Basic dXNlcjpwYXNz" }, "invalid_authorization"],
    ];
    for (const [headers, code] of cases) {
      const res = await callRoute(GET, "GET", "/api/v1/me", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(res.body.code).toBe(code);
    }
  });
});
