// The users table's query (/admin/users, and later GET /api/v1/users): search over name, username
// and email; filters by role key, status, second factor, verified email and pending staff
// applications, people or service accounts (`kind`); sort by creation, last sign-in, username or name.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";

export const USER_SORT_KEYS = ["createdAt", "lastSignInAt", "username", "name"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

export const USER_STATUSES = ["active", "banned"] as const;

const userListQuery = defineListQuery({
  sortKeys: USER_SORT_KEYS,
  defaultSort: { key: "createdAt", direction: "desc" },
  filters: {
    role: z
      .string()
      .trim()
      .max(64)
      .regex(/^[a-z0-9_-]+$/, "Unknown role."),
    status: z.enum(USER_STATUSES, { error: "Status is active or banned." }),
    twoFactor: z.enum(["on", "off"], { error: "twoFactor is on or off." }),
    verified: z.enum(["yes", "no"], { error: "verified is yes or no." }),
    pending: z.enum(["yes"], { error: "pending is yes (staff applicants only)." }),
    kind: z.enum(["person", "service"], { error: "kind is person or service." }),
  },
});

export const userListQuerySchema = userListQuery.schema;
export const parseUserListQuery = userListQuery.parse;
export const parseUserListQueryStrict = userListQuery.parseStrict;
export const USER_FILTER_KEYS = userListQuery.filterKeys;
export const DEFAULT_USER_SORT: SortSpec<UserSortKey> = userListQuery.defaultSort;
export type UserListQuery = ReturnType<typeof parseUserListQuery>;
