import { json, withApi } from "@/lib/api/with-api";
import { openApiDocument } from "@/lib/api/openapi/document";

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of the API (public, rate limited per IP).
 * Built once per process; clients and proxies may cache it for five minutes.
 */
export const GET = withApi(async () => {
  const response = json(openApiDocument());
  response.headers.set("Cache-Control", "public, max-age=300");
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
});
