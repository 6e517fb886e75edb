// The authorization matrix's entries for one area: Transactions (lib/data/transactions, /records/transactions, /api/v1/transactions).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const transactionsPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
