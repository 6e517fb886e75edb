// The authorization matrix's entries for one area: Customers (lib/data/customers, /records/customers, /api/v1/customers).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const customersPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
