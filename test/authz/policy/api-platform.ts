// The authorization matrix's entries for one area: API keys, OpenAPI and the API docs (lib/data/api-keys, /settings/api-keys, /api/v1/openapi.json, /docs/api).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const apiPlatformPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
