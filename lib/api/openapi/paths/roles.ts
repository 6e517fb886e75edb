// OpenAPI operations of /api/v1/roles (roles.read): the roles with what they grant. Roles are
// made and edited in the admin console only.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";

const id = z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" });
const ref = z.object({ id, name: z.string().meta({ example: "Manager" }) });
const permission = z.enum(ALL_PERMISSIONS);

const summary = {
  id,
  key: z.string().meta({ example: "manager" }),
  name: z.string().meta({ example: "Manager" }),
  description: z.string(),
  builtIn: z.boolean(),
  requiresTwoFactor: z.boolean().meta({ description: "Set on the role itself." }),
  effectiveRequiresTwoFactor: z.boolean().meta({ description: "Set on the role or inherited from an ancestor." }),
  parent: ref.nullable(),
  permissions: z.array(permission).meta({ description: "The role's own permissions." }),
};

export const roleListItemSchema = z
  .object({
    ...summary,
    memberCount: z.number().int(),
    effectivePermissions: z.array(permission).meta({ description: "Own and inherited." }),
  })
  .meta({ id: "RoleListItem" });

export const roleSchema = z
  .object({
    ...summary,
    twoFactorFrom: ref.nullable(),
    ancestry: z.array(ref).meta({ description: "The role, its parent, grandparent…" }),
    children: z.array(ref),
    effectivePermissions: z.array(z.object({ key: permission, from: z.array(ref) })),
    members: z
      .array(z.object({ id, name: z.string(), username: z.string(), email: z.string() }))
      .meta({ description: "The first 50 members by name." }),
    memberCount: z.number().int(),
    pendingInvitationCount: z.number().int(),
  })
  .meta({ id: "Role" });

export const rolesPaths: ZodOpenApiPathsObject = {
  "/api/v1/roles": {
    get: {
      operationId: "listRoles",
      tags: ["Roles"],
      summary: "List roles",
      description: "Every role (built-in first), in one page: `next_cursor` is always null.",
      "x-permission": "roles.read",
      responses: {
        "200": { description: "The roles.", content: { "application/json": { schema: listEnvelope(roleListItemSchema) } } },
        ...errorResponses(401, 403),
      },
    },
  },
  "/api/v1/roles/{id}": {
    get: {
      operationId: "getRole",
      tags: ["Roles"],
      summary: "Get a role",
      "x-permission": "roles.read",
      requestParams: { path: z.object({ id: z.string().meta({ description: "The role id.", example: "{{role.id}}" }) }) },
      responses: {
        "200": { description: "The role.", content: { "application/json": { schema: recordEnvelope(roleSchema) } } },
        ...errorResponses(401, 403, 404),
      },
    },
  },
};
