// Built-in roles, seeded by prisma/seed.ts. Custom roles are data made in the admin UI.
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

export type BuiltInRole = {
  key: string;
  name: string;
  description: string;
  requiresTwoFactor: boolean;
  permissions: readonly Permission[];
};

const RECORDS_READ: Permission[] = ["customers.read", "staff.read", "products.read", "transactions.read"];
const RECORDS_WRITE: Permission[] = ["customers.write", "staff.write", "products.write", "transactions.write"];

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: "super_admin",
    name: "Super Admin",
    description: "Everything, including roles and permissions. At least one must always exist.",
    requiresTwoFactor: true,
    permissions: ALL_PERMISSIONS,
  },
  {
    key: "admin",
    name: "Admin",
    description: "Manages users, sessions and all records; cannot edit roles.",
    requiresTwoFactor: true,
    // Other people's mail (reset and sign-in links) stays with Super Admin.
    permissions: ALL_PERMISSIONS.filter((p) => p !== "roles.manage" && p !== "email.outbox.read"),
  },
  {
    key: "manager",
    name: "Manager",
    description: "Runs the business records, the board and analytics; reads the activity log.",
    requiresTwoFactor: false,
    permissions: [
      "dashboard.view",
      "board.read",
      "board.write",
      ...RECORDS_READ,
      ...RECORDS_WRITE,
      "staff.approve",
      "analytics.read",
      "audit.read",
      "audit.read_own",
      "email.send",
      "api_keys.manage",
      "users.read",
    ],
  },
  {
    key: "staff",
    name: "Staff",
    description: "Works with customers, transactions and the board.",
    requiresTwoFactor: false,
    permissions: [
      "dashboard.view",
      "board.read",
      "board.write",
      ...RECORDS_READ,
      "customers.write",
      "transactions.write",
      "audit.read_own",
    ],
  },
  {
    key: "user",
    name: "User",
    description: "Default role of new sign-ups: own account and the board.",
    requiresTwoFactor: false,
    permissions: ["dashboard.view", "board.read", "audit.read_own"],
  },
];

export const DEFAULT_SIGN_UP_ROLE = "user";
export const SUPER_ADMIN_ROLE = "super_admin";
/** Granted when a staff application is approved. */
export const STAFF_ROLE = "staff";
