// The permission catalogue: every permission the code may check, in one table. Code names
// permissions, never roles. Each belongs to a resource group (for the role editor) and has a label
// and a description. `needsVerifiedEmail` marks permissions that send mail or touch records or
// other people: an account whose email is unverified does not hold them, whatever its roles say.
// The seed syncs the database to this table both ways (lib/seed/seed-database.ts).

export const PERMISSION_GROUPS = {
  dashboard: { label: "Dashboard", description: "The start page." },
  board: { label: "Board", description: "Kanban boards and cards." },
  customers: { label: "Customers", description: "Customer records." },
  products: { label: "Products", description: "Products and stock." },
  staff: { label: "Staff", description: "Staff records and staff applications." },
  transactions: { label: "Transactions", description: "Sales, voids and refunds." },
  analytics: { label: "Analytics", description: "Sales and staff reports." },
  audit: { label: "Activity log", description: "The audit trail." },
  email: { label: "Email", description: "Sending mail and the developer outbox." },
  api_keys: { label: "API keys", description: "Keys for the public REST API." },
  users: { label: "Users", description: "Accounts, invitations and impersonation." },
  sessions: { label: "Sessions", description: "Other people's sessions and second factors." },
  roles: { label: "Roles", description: "Roles and what they grant." },
} as const;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;

type Entry = { group: PermissionGroup; label: string; description: string; needsVerifiedEmail: boolean };

export const PERMISSIONS = {
  "dashboard.view": {
    group: "dashboard",
    label: "View dashboard",
    description: "See the dashboard and own activity.",
    needsVerifiedEmail: false,
  },
  "board.read": {
    group: "board",
    label: "See boards",
    description: "See the boards one is a member of.",
    needsVerifiedEmail: false,
  },
  "board.write": {
    group: "board",
    label: "Create boards and cards",
    description: "Create boards, and create and move cards where one is an editor.",
    needsVerifiedEmail: true,
  },
  "board.manage": {
    group: "board",
    label: "Manage all boards",
    description: "See and manage every board, member or not.",
    needsVerifiedEmail: true,
  },
  "customers.read": {
    group: "customers",
    label: "See customers",
    description: "List and open customer records.",
    needsVerifiedEmail: true,
  },
  "customers.write": {
    group: "customers",
    label: "Edit customers",
    description: "Create, edit, import, archive and delete customers.",
    needsVerifiedEmail: true,
  },
  "products.read": {
    group: "products",
    label: "See products",
    description: "List and open products and stock levels.",
    needsVerifiedEmail: true,
  },
  "products.write": {
    group: "products",
    label: "Edit products",
    description: "Create, edit, import and delete products.",
    needsVerifiedEmail: true,
  },
  "staff.read": {
    group: "staff",
    label: "See staff",
    description: "List and open staff records.",
    needsVerifiedEmail: true,
  },
  "staff.write": {
    group: "staff",
    label: "Edit staff",
    description: "Edit staff records (employee number, phone, hire date).",
    needsVerifiedEmail: true,
  },
  "staff.approve": {
    group: "staff",
    label: "Approve staff",
    description: "Approve or reject staff applications (approval grants the Staff role).",
    needsVerifiedEmail: true,
  },
  "transactions.read": {
    group: "transactions",
    label: "See transactions",
    description: "List and open transactions and receipts.",
    needsVerifiedEmail: true,
  },
  "transactions.write": {
    group: "transactions",
    label: "Record transactions",
    description: "Record sales, void and refund them.",
    needsVerifiedEmail: true,
  },
  "analytics.read": {
    group: "analytics",
    label: "See analytics",
    description: "Sales trends, KPIs and staff performance.",
    needsVerifiedEmail: true,
  },
  "audit.read": {
    group: "audit",
    label: "Read the activity log",
    description: "Read, search and export everyone's activity.",
    needsVerifiedEmail: true,
  },
  "audit.manage": {
    group: "audit",
    label: "Manage the activity log",
    description: "Stream events to SIEM destinations, set what is kept, and check the log's integrity.",
    needsVerifiedEmail: true,
  },
  "audit.read_own": {
    group: "audit",
    label: "Read own activity",
    description: "See one's own security events in Settings.",
    needsVerifiedEmail: false,
  },
  "email.send": {
    group: "email",
    label: "Send email",
    description: "Send email through the platform and its API.",
    needsVerifiedEmail: true,
  },
  "email.outbox.read": {
    group: "email",
    label: "Read the whole outbox",
    description: "Read every message in the developer outbox, not only those to one's own address.",
    needsVerifiedEmail: true,
  },
  "api_keys.manage": {
    group: "api_keys",
    label: "Manage own API keys",
    description: "Create and revoke one's own API keys.",
    needsVerifiedEmail: true,
  },
  "users.read": {
    group: "users",
    label: "See users",
    description: "List user accounts and open their details.",
    needsVerifiedEmail: true,
  },
  "users.manage": {
    group: "users",
    label: "Manage users",
    description: "Assign roles, ban and unban, force password resets, resend verification.",
    needsVerifiedEmail: true,
  },
  "users.invite": {
    group: "users",
    label: "Invite users",
    description: "Invite people by email with a role; revoke and resend invitations.",
    needsVerifiedEmail: true,
  },
  "users.impersonate": {
    group: "users",
    label: "Impersonate users",
    description: "Act as another user for 30 minutes, with a reason; never as someone holding more.",
    needsVerifiedEmail: true,
  },
  "sessions.manage": {
    group: "sessions",
    label: "Manage sessions",
    description: "Sign other users out and reset their two-factor authentication.",
    needsVerifiedEmail: true,
  },
  "roles.read": {
    group: "roles",
    label: "See roles",
    description: "See roles, their permissions and members.",
    needsVerifiedEmail: true,
  },
  "roles.manage": {
    group: "roles",
    label: "Manage roles",
    description: "Create, edit and delete roles (never granting more than one holds).",
    needsVerifiedEmail: true,
  },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** The catalogue grouped by resource, in catalogue order, for the role editor. */
export function permissionsByGroup(): { group: PermissionGroup; label: string; permissions: Permission[] }[] {
  return (Object.keys(PERMISSION_GROUPS) as PermissionGroup[])
    .map((group) => ({
      group,
      label: PERMISSION_GROUPS[group].label,
      permissions: ALL_PERMISSIONS.filter((p) => PERMISSIONS[p].group === group),
    }))
    .filter((g) => g.permissions.length > 0);
}
