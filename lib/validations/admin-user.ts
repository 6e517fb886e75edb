// Schemas of the user-administration forms and actions (lib/data/users/*, lib/actions/admin/*).
import { z } from "zod";

/** Bulk actions work on at most one page of the users table at a time. */
export const BULK_MAX_USERS = 100;

export const entityIdSchema = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(64, "Unknown id.");

export const banReasonSchema = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(500, "Keep the reason under 500 characters.");

export const setUserRolesSchema = z.object({
  userId: entityIdSchema,
  roleIds: z
    .array(entityIdSchema, { error: "Choose the roles." })
    .max(50, "Too many roles.")
    .transform((ids) => [...new Set(ids)]),
});
export type SetUserRolesInput = z.input<typeof setUserRolesSchema>;

export const banUserSchema = z.object({ userId: entityIdSchema, reason: banReasonSchema });
export type BanUserInput = z.input<typeof banUserSchema>;

export const forcePasswordResetSchema = z.object({
  userId: entityIdSchema,
  /** Also end every session now (default), rather than only when the new password is set. */
  signOut: z.boolean().default(true),
});
export type ForcePasswordResetInput = z.input<typeof forcePasswordResetSchema>;

export const revokeUserSessionSchema = z.object({ userId: entityIdSchema, sessionId: entityIdSchema });
export type RevokeUserSessionInput = z.input<typeof revokeUserSessionSchema>;

const bulkUserIds = z
  .array(entityIdSchema, { error: "Choose the users." })
  .min(1, "Choose at least one user.")
  .max(BULK_MAX_USERS, `Choose at most ${BULK_MAX_USERS} users at a time.`)
  .transform((ids) => [...new Set(ids)]);

export const bulkBanUsersSchema = z.object({ userIds: bulkUserIds, reason: banReasonSchema });
export type BulkBanUsersInput = z.input<typeof bulkBanUsersSchema>;

export const bulkAssignRoleSchema = z.object({ userIds: bulkUserIds, roleId: entityIdSchema });
export type BulkAssignRoleInput = z.input<typeof bulkAssignRoleSchema>;
