// The authorization matrix's entries for one area: Users, roles and email over the API (/api/v1/users, /api/v1/roles, /api/v1/emails).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const directoryApiPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
