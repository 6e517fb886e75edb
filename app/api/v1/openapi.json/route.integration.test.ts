// GET /api/v1/openapi.json: public, the same document every time, and a valid OpenAPI 3.1
// document by a standard validator (@seriousme/openapi-schema-validator).
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "./route";
import { callRoute } from "@/test/call-route";

describe("GET /api/v1/openapi.json", () => {
  it("answers the document without authentication, cacheable, with rate-limit headers", async () => {
    const res = await callRoute(GET, "GET", "/api/v1/openapi.json", { headers: { "x-forwarded-for": "192.0.2.10" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("ratelimit-remaining")).toBeTruthy();
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.paths["/api/v1/me"].get.operationId).toBe("getMe");
    const again = await callRoute(GET, "GET", "/api/v1/openapi.json");
    expect(again.body).toEqual(res.body);
  });

  it("validates as OpenAPI 3.1", async () => {
    const res = await callRoute(GET, "GET", "/api/v1/openapi.json");
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("declares the security schemes, the Problem shape and the standard headers, and applies them", async () => {
    const doc = (await callRoute(GET, "GET", "/api/v1/openapi.json")).body;
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.components.schemas.Problem.properties).toHaveProperty("code");
    for (const name of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "ETag"]) {
      expect(doc.components.headers).toHaveProperty(name);
    }
    for (const name of ["IdempotencyKey", "IfMatch", "IfNoneMatch"])
      expect(doc.components.parameters).toHaveProperty(name);
    const me = doc.paths["/api/v1/me"].get;
    expect(me.responses["200"].headers).toHaveProperty("RateLimit-Remaining");
    expect(me.responses["429"].content).toHaveProperty("application/problem+json");
    expect(doc.paths["/api/v1/openapi.json"].get.security).toEqual([]);
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: { $ref?: string }[] }>>,
    )) {
      if (item.post) {
        expect(
          item.post.parameters?.some((p) => p.$ref === "#/components/parameters/IdempotencyKey"),
          path,
        ).toBe(true);
      }
    }
  });
});
