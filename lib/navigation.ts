// The app's sections and who may see them. The sidebar shows a section only when the viewer
// holds one of its permissions; each page checks again on the server.
import type { Permission } from "@/lib/rbac/permissions";

export type NavKey =
  | "dashboard"
  | "board"
  | "records"
  | "logs"
  | "analytics"
  | "approvals"
  | "admin"
  | "settings";

export const NAV_ITEMS: readonly {
  key: NavKey;
  href: string;
  label: string;
  anyOf: readonly Permission[] | "signed-in";
}[] = [
  { key: "dashboard", href: "/dashboard", label: "Dashboard", anyOf: ["dashboard.view"] },
  { key: "board", href: "/board", label: "Board", anyOf: ["board.read"] },
  {
    key: "records",
    href: "/records",
    label: "Records",
    anyOf: ["customers.read", "staff.read", "products.read", "transactions.read"],
  },
  { key: "logs", href: "/logs", label: "Logs", anyOf: ["audit.read", "audit.manage"] },
  { key: "analytics", href: "/analytics", label: "Analytics", anyOf: ["analytics.read"] },
  { key: "approvals", href: "/approvals", label: "Staff approvals", anyOf: ["staff.approve"] },
  { key: "admin", href: "/admin", label: "Admin", anyOf: ["users.read", "roles.read", "users.invite"] },
  { key: "settings", href: "/settings", label: "Settings", anyOf: "signed-in" },
];

/** Routes that need a signed-in, fully authenticated session (proxy.ts redirects visitors without a session cookie). */
export const APP_PATH_PREFIXES = NAV_ITEMS.map((i) => i.href);

export function visibleNav(permissions: ReadonlySet<Permission>) {
  return NAV_ITEMS.filter((item) => item.anyOf === "signed-in" || item.anyOf.some((p) => permissions.has(p)));
}

/** The admin console's sections, in order; /admin opens the first one the viewer may use. */
export const ADMIN_SECTIONS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/admin/users", label: "Users", permission: "users.read" },
  { href: "/admin/roles", label: "Roles", permission: "roles.read" },
  { href: "/admin/invitations", label: "Invitations", permission: "users.invite" },
  { href: "/admin/service-accounts", label: "Service accounts", permission: "users.manage" },
];

export function visibleAdminSections(permissions: ReadonlySet<Permission>) {
  return ADMIN_SECTIONS.filter((s) => permissions.has(s.permission));
}

/** The activity log's sections, in order; /logs opens the first one the viewer may use. */
export const LOGS_SECTIONS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/logs/events", label: "Events", permission: "audit.read" },
  { href: "/logs/streams", label: "Streams", permission: "audit.manage" },
  { href: "/logs/integrity", label: "Integrity and retention", permission: "audit.manage" },
];

export function visibleLogsSections(permissions: ReadonlySet<Permission>) {
  return LOGS_SECTIONS.filter((s) => permissions.has(s.permission));
}

/** The records sections, in order; /records opens the first one the viewer may use. */
export const RECORDS_SECTIONS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/records/transactions", label: "Transactions", permission: "transactions.read" },
  { href: "/records/customers", label: "Customers", permission: "customers.read" },
  { href: "/records/products", label: "Products", permission: "products.read" },
  { href: "/records/staff", label: "Staff", permission: "staff.read" },
];

export function visibleRecordsSections(permissions: ReadonlySet<Permission>) {
  return RECORDS_SECTIONS.filter((s) => permissions.has(s.permission));
}
