// The authorization matrix's entries for one area: Staff records (lib/data/staff-records, /records/staff, /api/v1/staff).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
import type { AreaPolicy } from "../access-policy";

export const staffRecordsPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {},
};
