// OpenAPI operations of /api/v1/users: read accounts (users.read), change their roles, ban and
// unban them (users.manage). The admin console's guard rails hold over the API too: nobody manages
// an account holding a permission they (and their key) do not hold, nobody changes their own
// roles, the last Super Admin stays. That is why the examples' x-permission lists what the
// fixture user ("{{user.id}}", a plain User) holds besides users.manage. An account's `version`
// (lib/data/users/user-version.ts) is its ETag; the writes take If-Match like customers'.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import { USER_SORT_KEYS, USER_STATUSES } from "@/lib/validations/user-list-query";
import { BUILT_IN_ROLES } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";

const id = z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" });
const roleRef = z.object({ key: z.string().meta({ example: "staff" }), name: z.string().meta({ example: "Staff" }) });
const status = z.enum(USER_STATUSES);
const staffApproval = z.enum(["pending", "approved", "rejected"]).nullable();

export const userListItemSchema = z
  .object({
    id,
    username: z.string().meta({ example: "grace" }),
    email: z.string().meta({ example: "grace@example.com" }),
    firstName: z.string().meta({ example: "Grace" }),
    lastName: z.string().meta({ example: "Hopper" }),
    status,
    kind: z.enum(["person", "service"]).meta({ description: "`service`: a service account (API keys only)." }),
    bannedAt: z.date().nullable(),
    staffApproval,
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    roles: z.array(roleRef),
    activeSessions: z.number().int().meta({ example: 1 }),
    lastSignInAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "UserListItem" });

export const userSchema = z
  .object({
    id,
    username: z.string().meta({ example: "grace" }),
    email: z.string().meta({ example: "grace@example.com" }),
    firstName: z.string().meta({ example: "Grace" }),
    lastName: z.string().meta({ example: "Hopper" }),
    status,
    bannedAt: z.date().nullable(),
    banReason: z.string().nullable(),
    staffApproval,
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    activeSessions: z.number().int().meta({ example: 1 }),
    createdAt: z.date(),
    lastSignInAt: z.date().nullable(),
    roles: z.array(roleRef.extend({ id })),
    permissions: z
      .array(z.enum(ALL_PERMISSIONS))
      .meta({ description: "Every permission the roles grant, inherited ones included." }),
    version: z.number().int().meta({
      description:
        "The ETag: moves with every change to the account, its roles or passkeys, and with changes to role " +
        "definitions (names, permissions). `activeSessions` is a live count and does not move it.",
      example: 4,
    }),
  })
  .meta({ id: "User", description: "An account: never a password hash, second-factor secret or token." });

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page (same sort)." }),
  sort: z
    .enum([...USER_SORT_KEYS, ...USER_SORT_KEYS.map((k) => `-${k}`)] as [string, ...string[]])
    .optional()
    .meta({ description: "A field, `-` for descending (default `-createdAt`).", example: "-createdAt" }),
  q: z.string().max(200).optional().meta({ description: "Words matched against name, username and email." }),
  role: z.string().optional().meta({ description: "A role key.", example: "staff" }),
  status: status.optional(),
  twoFactor: z.enum(["on", "off"]).optional(),
  verified: z.enum(["yes", "no"]).optional(),
  pending: z.enum(["yes"]).optional().meta({ description: "Only staff applications awaiting a decision." }),
  kind: z.enum(["person", "service"]).optional().meta({ description: "People or service accounts only." }),
  total: z.enum(["true", "false"]).optional().meta({ description: "`true` adds `total` (the number of matches)." }),
});

const idParam = z.object({ id: z.string().meta({ description: "The user id.", example: "{{user.id}}" }) });
const ifMatchHeader = z.object({ "If-Match": ifMatchSchema.optional() });

/** users.manage, and what the fixture (a plain User) holds: nobody manages an account holding more. */
const MANAGE_PLAIN_USER = ["users.manage", ...BUILT_IN_ROLES.find((r) => r.key === "user")!.permissions] as const;

const userResponse = (description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema: recordEnvelope(userSchema) } },
});

const stateResponse = (description: string, extra: z.ZodRawShape) => ({
  description,
  headers: etagHeaders,
  content: {
    "application/json": {
      schema: z.object({ data: z.object({ id, status, ...extra }) }),
    },
  },
});

export const usersPaths: ZodOpenApiPathsObject = {
  "/api/v1/users": {
    get: {
      operationId: "listUsers",
      tags: ["Users"],
      summary: "List users",
      "x-permission": "users.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of accounts.",
          content: { "application/json": { schema: listEnvelope(userListItemSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/users/{id}": {
    get: {
      operationId: "getUser",
      tags: ["Users"],
      summary: "Get a user",
      "x-permission": "users.read",
      requestParams: { path: idParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
      responses: {
        "200": userResponse("The account."),
        "304": { description: "Unchanged since the ETag in If-None-Match." },
        ...errorResponses(401, 403, 404),
      },
    },
    patch: {
      operationId: "setUserRoles",
      tags: ["Users"],
      summary: "Replace a user's roles",
      description:
        "`roleIds` become the account's roles (at least one; ids from GET /api/v1/roles). Refused (403) for one's own " +
        "account, an account holding a permission the caller lacks, a role granting or removing such a permission, and " +
        "taking Super Admin from the last one. Answers the account as GET does (so it needs users.read too). " +
        "With If-Match, an account changed since (its roles, profile, status…) is 412.",
      "x-permission": ["users.read", ...MANAGE_PLAIN_USER],
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              roleIds: z.array(z.string()).min(1).max(50).meta({ description: "The complete set of role ids." }),
            }),
            example: { roleIds: ["{{role.id}}"] },
          },
        },
      },
      responses: {
        "200": {
          description: "The account with its new roles, and the role keys before and after.",
          headers: etagHeaders,
          content: {
            "application/json": {
              schema: z.object({
                data: userSchema,
                meta: z.object({ rolesBefore: z.array(z.string()), rolesAfter: z.array(z.string()) }),
              }),
            },
          },
        },
        ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422),
      },
    },
  },
  "/api/v1/users/{id}/ban": {
    post: {
      operationId: "banUser",
      tags: ["Users"],
      summary: "Ban a user",
      description:
        "Ends every session of the account and emails the person the reason. 409 when already banned; 403 for oneself, " +
        "an account holding more than the caller, or the last active Super Admin. With If-Match, an account " +
        "changed since is 412.",
      "x-permission": [...MANAGE_PLAIN_USER],
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ reason: z.string().min(3).max(500) }),
            example: { reason: "Repeated refund fraud" },
          },
        },
      },
      responses: {
        "200": stateResponse("The account is banned; ETag is its new version.", { sessionsEnded: z.number().int() }),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
  },
  "/api/v1/users/{id}/unban": {
    post: {
      operationId: "unbanUser",
      tags: ["Users"],
      summary: "Lift a user's ban",
      description:
        "Idempotent: an account that is not banned answers 200 with `changed: false` (and no ETag). " +
        "With If-Match, an account changed since is 412, whether or not it is still banned.",
      "x-permission": [...MANAGE_PLAIN_USER],
      requestParams: { path: idParam, header: ifMatchHeader },
      responses: {
        "200": stateResponse("The account is active; with `changed: true`, ETag is its new version.", {
          changed: z.boolean(),
        }),
        ...errorResponses(401, 403, 404, 412),
      },
    },
  },
};
