// The authorization matrix's entries for one area: API keys, OpenAPI and the API docs (lib/data/api-keys, /settings/api-keys, /api/v1/openapi.json, /docs/api).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// Keys and service accounts are written straight to the database inside the factories (the page
// suite loads this file too and never calls those: its page cases use only `f`).
import type { AreaPolicy } from "../access-policy";
import { NOBODY, perm, permNotImpersonating, PUBLIC } from "../access";
import { missingId } from "../fixtures";
import type { Permission } from "../../../lib/rbac/permissions";

const tag = () => Math.random().toString(36).slice(2, 10);

/** A key row owned by `ownerId`, stored as the DAL stores it (hash only). */
async function keyOf(ownerId: string, scopes: readonly Permission[] = ["customers.read"]) {
  const { db } = await import("../../../lib/db");
  const { generateApiKey } = await import("../../../lib/api/api-key-format");
  const secret = generateApiKey();
  return db.apiKey.create({
    data: {
      name: `matrix ${tag()}`,
      prefix: secret.prefix,
      hash: secret.hash,
      ownerId,
      scopes: JSON.stringify(scopes),
    },
    select: { id: true },
  });
}

/** A service account holding `roleId` (none: it holds nothing, so any users.manage holder may manage it). */
async function serviceAccount(roleId?: string) {
  const { db } = await import("../../../lib/db");
  const username = `svc${tag()}`;
  return db.user.create({
    data: {
      kind: "service",
      username,
      email: `${username}@service-accounts.invalid`,
      firstName: "Matrix service",
      lastName: "",
      dateOfBirth: new Date(0),
      passwordHash: "!",
      ...(roleId ? { roles: { create: { roleId } } } : {}),
    },
    select: { id: true },
  });
}

export const apiPlatformPolicy: AreaPolicy = {
  actions: {
    // Not from an impersonated session: a key would outlive the impersonation.
    "lib/actions/api-keys/create-api-key.ts#createApiKeyAction": {
      access: permNotImpersonating("api_keys.manage"),
      cases: [
        {
          label: "a key reading customers",
          setup: async () => ({ args: [{ name: "matrix", scopes: ["customers.read"] }] }),
        },
      ],
    },
    "lib/actions/api-keys/revoke-api-key.ts#revokeApiKeyAction": {
      access: perm("api_keys.manage"),
      cases: [
        {
          label: "one's own key",
          setup: async (f, me) => ({ args: [(await keyOf(me.userId ?? (await f.user()).id)).id] }),
        },
        {
          label: "a service account's key",
          access: perm("users.manage"),
          // Without users.manage such a key is not found (the same as one that does not exist).
          alsoRefusal: ["not_found"],
          setup: async () => ({ args: [(await keyOf((await serviceAccount()).id)).id] }),
        },
        // Another person's key is not found for anyone (admins stop a person's keys by banning them).
        {
          label: "another person's key",
          access: NOBODY,
          alsoRefusal: ["not_found"],
          setup: async (f) => ({ args: [(await keyOf((await f.user()).id)).id] }),
        },
        {
          label: "an id that matches nothing",
          access: NOBODY,
          alsoRefusal: ["not_found"],
          setup: async () => ({ args: [missingId()] }),
        },
      ],
    },
    "lib/actions/api-keys/create-service-account.ts#createServiceAccountAction": {
      access: permNotImpersonating("users.manage"),
      cases: [
        {
          label: "with a role granting nothing",
          setup: async (f) => ({
            args: [{ name: "Matrix sync", username: `svc${tag()}`, roleIds: [(await f.role()).id] }],
          }),
        },
      ],
    },
    "lib/actions/api-keys/create-service-account-key.ts#createServiceAccountKeyAction": {
      access: permNotImpersonating("users.manage"),
      cases: [
        {
          label: "a key for a service account reading customers",
          setup: async (f) => {
            const account = await serviceAccount((await f.role({ permissions: ["customers.read"] })).id);
            return { args: [{ serviceAccountId: account.id, name: "matrix", scopes: ["customers.read"] }] };
          },
        },
      ],
    },
    "lib/actions/api-keys/set-service-account-status.ts#setServiceAccountStatusAction": {
      access: perm("users.manage"),
      cases: [
        {
          label: "disable a service account",
          setup: async () => ({ args: [(await serviceAccount()).id, "disabled"] }),
        },
      ],
    },
  },
  routes: {
    "GET /api/v1/openapi.json": { access: PUBLIC },
    "GET /docs/api/assets/[file]": {
      access: PUBLIC,
      cases: [{ label: "Swagger UI's start script", setup: async () => ({ params: { file: "init.js" } }) }],
    },
  },
  pages: {
    "/docs/api": { access: PUBLIC },
    "/settings/api-keys": { access: perm("api_keys.manage") },
    "/admin/service-accounts": { access: perm("users.manage") },
    "/admin/service-accounts/[id]": {
      access: perm("users.manage"),
      cases: [
        // A person is not a service account: 404 to those allowed, the same refusal to the rest.
        { label: "a person's id", notFound: true, setup: async (f) => ({ params: { id: (await f.user()).id } }) },
        { label: "an id that matches nobody", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
  },
};
