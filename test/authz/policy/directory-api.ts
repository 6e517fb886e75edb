// The authorization matrix's entries for one area: Users, roles and email over the API (/api/v1/users, /api/v1/roles, /api/v1/emails).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// Users: the admin console's rules hold over the API (lib/data/users): managing an account needs
// users.manage and every permission the account holds, never from an impersonated session for
// roles. Emails: a fresh address per cell, so the per-recipient limit never decides a cell; a
// customer for the dialog is written straight to the database (imported inside the factory only:
// the page suite loads this file too and never calls it).
import type { AreaPolicy } from "../access-policy";
import { perm, permNotImpersonating, permOver, type Access } from "../access";
import { missingId, watchUser } from "../fixtures";
import { ALL_PERMISSIONS } from "../../../lib/rbac/permissions";

const address = () => `matrix-mail-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function freshCustomer() {
  const { db } = await import("../../../lib/db");
  const tag = Math.random().toString(36).slice(2, 10);
  return db.customer.create({
    data: { name: `Matrix customer ${tag}`, email: `matrix-c-${tag}@example.com` },
    select: { id: true },
  });
}

/** Changing a Super Admin's roles: only someone holding everything, never while impersonating. */
const MANAGE_SUPER_ADMIN_ROLES: Access = {
  kind: "permission",
  anyOf: ["users.manage"],
  andAllOf: ALL_PERMISSIONS,
  impersonation: false,
};

export const directoryApiPolicy: AreaPolicy = {
  actions: {
    // Emailing a customer reads the customer too: every built-in holder of email.send has customers.read.
    "lib/actions/emails/send-customer-email.ts#sendCustomerEmailAction": {
      access: perm("email.send"),
      cases: [
        {
          label: "a plain message to a fresh customer",
          setup: async () => ({
            args: [
              {
                customerId: (await freshCustomer()).id,
                template: "",
                subject: "Matrix",
                message: "Hello from the matrix.",
                variables: {},
              },
            ],
          }),
        },
        {
          label: "a template to a customer that does not exist",
          setup: async () => ({
            args: [{ customerId: missingId(), template: "thank_you", subject: "", message: "", variables: {} }],
          }),
        },
      ],
    },
  },
  routes: {
    "GET /api/v1/users": {
      access: perm("users.read"),
      cases: [
        { label: "first page", setup: async () => ({}) },
        { label: "filtered and counted", setup: async () => ({ query: { role: "staff", status: "active", total: "true" } }) },
      ],
    },
    "GET /api/v1/users/[id]": {
      access: perm("users.read"),
      cases: [
        { label: "a fresh user", setup: async (f) => ({ params: { id: (await f.user()).id } }) },
        { label: "an id that matches nobody", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "PATCH /api/v1/users/[id]": {
      access: permNotImpersonating("users.manage"),
      cases: [
        {
          label: "User and Staff for a fresh user",
          setup: async (f) => {
            const target = await f.user();
            return {
              params: { id: target.id },
              body: { roleIds: [await f.roleId("user"), await f.roleId("staff")] },
              watch: watchUser(target.id),
            };
          },
        },
        {
          label: "a Super Admin (holds more than an Admin)",
          access: MANAGE_SUPER_ADMIN_ROLES,
          setup: async (f) => {
            const target = await f.user({ role: "super_admin", totp: true });
            return {
              params: { id: target.id },
              body: { roleIds: [await f.roleId("super_admin"), await f.roleId("staff")] },
              watch: watchUser(target.id),
            };
          },
        },
      ],
    },
    "POST /api/v1/users/[id]/ban": {
      access: perm("users.manage"),
      cases: [
        {
          label: "a fresh user",
          setup: async (f) => {
            const target = await f.user();
            await f.session(target.id);
            return { params: { id: target.id }, body: { reason: "authorization matrix" }, watch: watchUser(target.id) };
          },
        },
        {
          label: "a Super Admin (holds more than an Admin)",
          access: permOver(["users.manage"], ALL_PERMISSIONS),
          setup: async (f) => {
            const target = await f.user({ role: "super_admin", totp: true });
            return { params: { id: target.id }, body: { reason: "authorization matrix" }, watch: watchUser(target.id) };
          },
        },
      ],
    },
    "POST /api/v1/users/[id]/unban": {
      access: perm("users.manage"),
      cases: [
        {
          label: "a fresh banned user",
          setup: async (f) => {
            const target = await f.user({ status: "banned" });
            return { params: { id: target.id }, watch: watchUser(target.id) };
          },
        },
        { label: "an id that matches nobody", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "GET /api/v1/roles": { access: perm("roles.read") },
    "GET /api/v1/roles/[id]": {
      access: perm("roles.read"),
      cases: [
        { label: "the Staff role", setup: async (f) => ({ params: { id: await f.roleId("staff") } }) },
        { label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "POST /api/v1/emails": {
      access: perm("email.send"),
      cases: [
        {
          label: "a plain message to a fresh address",
          setup: async () => ({ body: { to: address(), subject: "Matrix", text: "Hello from the matrix." } }),
        },
      ],
    },
    // Own API emails with email.send, anyone's with email.outbox.read; the DAL refuses everyone else.
    "GET /api/v1/emails/[id]": {
      access: perm("email.send", "email.outbox.read"),
      cases: [{ label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) }],
    },
  },
  pages: {},
};
