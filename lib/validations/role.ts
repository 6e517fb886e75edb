// Schemas of the role editor: the same ones validate the form in the browser, the server actions
// and (later) the REST handlers. Permission keys must come from the catalogue; what the viewer may
// grant is decided by the DAL (lib/data/roles), which knows the viewer.
import { z } from "zod";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

export const ROLE_NAME_MIN = 2;
export const ROLE_NAME_MAX = 60;
export const ROLE_DESCRIPTION_MAX = 500;

const noControlChars = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);

export const roleNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(ROLE_NAME_MIN, `Use at least ${ROLE_NAME_MIN} characters.`)
      .max(ROLE_NAME_MAX, `Use at most ${ROLE_NAME_MAX} characters.`)
      .refine(noControlChars, "Use printable characters only."),
  );

const permissionKey = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]], {
  error: "Choose permissions from the catalogue.",
});

/** An optional role id: "" (the select's "no parent" option) and null both mean none. */
const optionalRoleId = z
  .union([z.string().trim().max(64, "Choose a role from the list."), z.null(), z.undefined()])
  .transform((v) => (v ? v : null));

export const roleInputSchema = z.object({
  name: roleNameSchema,
  description: z
    .string()
    .trim()
    .max(ROLE_DESCRIPTION_MAX, `Use at most ${ROLE_DESCRIPTION_MAX} characters.`)
    .refine(noControlChars, "Use printable characters only.")
    .default(""),
  permissions: z
    .array(permissionKey, { error: "Choose permissions from the catalogue." })
    .max(ALL_PERMISSIONS.length * 2)
    .transform((keys) => ALL_PERMISSIONS.filter((k) => keys.includes(k))),
  requiresTwoFactor: z.boolean({ error: "Choose whether the role requires two-factor authentication." }).default(false),
  parentId: optionalRoleId,
});
export type RoleInput = z.input<typeof roleInputSchema>;
export type RoleValues = z.output<typeof roleInputSchema>;

export const deleteRoleSchema = z.object({ reassignTo: optionalRoleId });
export type DeleteRoleInput = z.input<typeof deleteRoleSchema>;

/** A stable machine key from a role name: "Night shift (EU)" → "night_shift_eu". */
export function roleKeyFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 48)
    .replace(/_+$/g, "");
  return slug || "role";
}
