// Schemas of API keys and service accounts, shared by the settings and admin dialogs, the server
// actions and the DAL (lib/data/api-keys). A key has a name, scopes (catalogue permissions; the DAL
// checks they are a subset of what the creator, and for a service account the account, holds) and
// an optional expiry at most a year ahead.
import { z } from "zod";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { nameSchema, usernameSchema } from "@/lib/validations/auth";

export const API_KEY_NAME_MAX = 80;
/** A key expires at most this many days ahead (a date-only expiry counts to the end of its day, UTC). */
export const API_KEY_MAX_DAYS = 366;
/** Keys one owner may hold that are not revoked or expired. */
export const API_KEY_MAX_ACTIVE = 25;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const apiKeyNameSchema = z
  .string({ error: "Name the key." })
  .trim()
  .min(1, "Name the key.")
  .max(API_KEY_NAME_MAX, `Use at most ${API_KEY_NAME_MAX} characters.`)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use printable characters only.");

export const apiKeyScopesSchema = z
  .array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]], { error: "Unknown permission." }), {
    error: "Choose at least one permission.",
  })
  .min(1, "Choose at least one permission.")
  .max(ALL_PERMISSIONS.length)
  .transform((scopes) => [...new Set(scopes)].sort());

/** A date (YYYY-MM-DD: through the end of that day, UTC) or an ISO date-time, or null/"" for no expiry. */
export const apiKeyExpirySchema = z
  .union([z.null(), z.literal(""), z.string().max(40)], { error: "Enter a date (YYYY-MM-DD) or leave it empty." })
  .optional()
  .transform((value, ctx) => {
    if (value == null || value === "") return null;
    const parsed = DATE_ONLY.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
    if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      ctx.addIssue({ code: "custom", message: "Enter a date (YYYY-MM-DD) or leave it empty." });
      return z.NEVER;
    }
    const now = Date.now();
    if (parsed.getTime() <= now) {
      ctx.addIssue({ code: "custom", message: "Choose a date in the future." });
      return z.NEVER;
    }
    if (parsed.getTime() > now + API_KEY_MAX_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", message: "A key can last at most a year." });
      return z.NEVER;
    }
    return parsed;
  });

export const createApiKeySchema = z.object({
  name: apiKeyNameSchema,
  scopes: apiKeyScopesSchema,
  expiresAt: apiKeyExpirySchema,
  /** Asked when the session did not sign in within the last 15 minutes (confirm-recent-or-password.ts). */
  currentPassword: z.string().max(1000).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const createServiceAccountKeySchema = createApiKeySchema.extend({
  serviceAccountId: z.string({ error: "Choose a service account." }).trim().min(1).max(64),
});
export type CreateServiceAccountKeyInput = z.input<typeof createServiceAccountKeySchema>;

export const apiKeyIdSchema = z.object({ id: z.string({ error: "Choose a key." }).trim().min(1).max(64) });

export const createServiceAccountSchema = z.object({
  /** The account's display name ("Warehouse sync"). */
  name: nameSchema("service account name").pipe(z.string().max(60, "Use at most 60 characters.")),
  username: usernameSchema,
  roleIds: z
    .array(z.string().trim().min(1).max(64), { error: "Choose at least one role." })
    .min(1, "Choose at least one role.")
    .max(20),
});
export type CreateServiceAccountInput = z.input<typeof createServiceAccountSchema>;

export const serviceAccountIdSchema = z.object({
  id: z.string({ error: "Choose a service account." }).trim().min(1).max(64),
});

/** What the create-key dialogs offer for expiry; "custom" takes a date. */
export const EXPIRY_PRESETS = ["30", "90", "365", "never", "custom"] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

export const apiKeyFormSchema = z
  .object({
    name: apiKeyNameSchema,
    scopes: z.array(z.string()).min(1, "Choose at least one permission."),
    expiry: z.enum(EXPIRY_PRESETS),
    customDate: z.string().optional(),
    currentPassword: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.expiry !== "custom") return;
    const result = apiKeyExpirySchema.safeParse(v.customDate ?? "");
    if (!result.success || result.data === null) {
      ctx.addIssue({
        code: "custom",
        path: ["customDate"],
        message: result.success ? "Choose a date." : (result.error.issues[0]?.message ?? "Choose a date."),
      });
    }
  });
export type ApiKeyFormValues = z.input<typeof apiKeyFormSchema>;

/** The expiry the form's choice means, as the DAL takes it (ISO string, or null for none). */
export function expiryFromForm(
  values: Pick<ApiKeyFormValues, "expiry" | "customDate">,
  now = Date.now(),
): string | null {
  if (values.expiry === "never") return null;
  if (values.expiry === "custom") return values.customDate ?? null;
  return new Date(now + Number(values.expiry) * DAY_MS).toISOString();
}

/** Where a key stands, as lists show it. */
export type ApiKeyStatus = "active" | "expired" | "revoked";

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now) return "expired";
  return "active";
}
