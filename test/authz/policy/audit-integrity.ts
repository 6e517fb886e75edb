// The authorization matrix's entries for the audit log's integrity and retention page
// (/logs/integrity) and its "Verify now" action. Merged into test/authz/access-policy.ts; the shapes
// and rules are documented there. Verifying reads the whole chain and records an audit.verified
// event, so only audit.manage may run it; a refused call must leave every table unchanged.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";

const MANAGE = perm("audit.manage");

export const auditIntegrityPolicy: AreaPolicy = {
  actions: {
    "lib/actions/audit-integrity/verify-audit-log.ts#verifyAuditLogAction": {
      access: MANAGE,
      cases: [{ label: "no arguments", setup: async () => ({ args: [] }) }],
    },
  },
  routes: {},
  pages: {
    "/logs/integrity": { access: MANAGE },
  },
};
