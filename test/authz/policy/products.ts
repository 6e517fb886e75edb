// The authorization matrix's entries for one area: Products (lib/data/products, /records/products, /api/v1/products).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const productsPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
