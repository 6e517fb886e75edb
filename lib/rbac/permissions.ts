// The permission catalogue: every permission the code may check, in one table. Code names
// permissions, never roles. `needsVerifiedEmail` marks permissions that send mail or touch
// records: an account whose email is unverified does not hold them, whatever its roles say.

export const PERMISSIONS = {
  "dashboard.view": { description: "See the dashboard and own activity", needsVerifiedEmail: false },
  "board.read": { description: "See Kanban boards", needsVerifiedEmail: false },
  "board.write": { description: "Create and move cards", needsVerifiedEmail: true },
  "customers.read": { description: "See customers", needsVerifiedEmail: true },
  "customers.write": { description: "Create, edit and delete customers", needsVerifiedEmail: true },
  "staff.read": { description: "See staff records", needsVerifiedEmail: true },
  "staff.write": { description: "Create, edit and delete staff records", needsVerifiedEmail: true },
  "products.read": { description: "See products", needsVerifiedEmail: true },
  "products.write": { description: "Create, edit and delete products", needsVerifiedEmail: true },
  "transactions.read": { description: "See transactions", needsVerifiedEmail: true },
  "transactions.write": { description: "Record and void transactions", needsVerifiedEmail: true },
  "analytics.read": { description: "See analytics", needsVerifiedEmail: true },
  "audit.read": { description: "Read the organisation's activity log", needsVerifiedEmail: true },
  "email.send": { description: "Send email through the platform", needsVerifiedEmail: true },
  "email.outbox.read": {
    description: "Read every message in the developer outbox, not only those to one's own address",
    needsVerifiedEmail: true,
  },
  "api_keys.manage": { description: "Create and revoke own API keys", needsVerifiedEmail: true },
  "users.read": { description: "See user accounts", needsVerifiedEmail: true },
  "users.manage": { description: "Edit, ban and unban users", needsVerifiedEmail: true },
  "sessions.manage": { description: "Revoke other users' sessions, reset their 2FA", needsVerifiedEmail: true },
  "roles.read": { description: "See roles and their permissions", needsVerifiedEmail: true },
  "roles.manage": { description: "Create and edit roles, assign them to users", needsVerifiedEmail: true },
} as const satisfies Record<string, { description: string; needsVerifiedEmail: boolean }>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
