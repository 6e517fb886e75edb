// The authorization matrix's entries for one area: Customers (lib/data/customers, /records/customers, /api/v1/customers).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// The customers the cases act on are written straight to the database (a fresh one per cell), so
// an allowed call really edits, archives or deletes, and a refused one must leave it alone (the
// matrix compares every table's row count). The database module is imported inside the factories
// only: the page suite (e2e) loads this file too and never calls them.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId } from "../fixtures";

async function freshCustomer(options: { archived?: boolean } = {}) {
  const { db } = await import("../../../lib/db");
  const tag = Math.random().toString(36).slice(2, 10);
  return db.customer.create({
    data: {
      name: `Matrix customer ${tag}`,
      email: `matrix-${tag}@example.com`,
      archivedAt: options.archived ? new Date() : null,
      tags: { create: [{ tag: "matrix" }] },
    },
    select: { id: true, version: true },
  });
}

const uniqueCustomer = () => {
  const tag = Math.random().toString(36).slice(2, 10);
  return { name: `Matrix new ${tag}`, email: `matrix-new-${tag}@example.com`, tags: ["matrix"] };
};

const READ = perm("customers.read");
const WRITE = perm("customers.write");

export const customersPolicy: AreaPolicy = {
  actions: {
    "lib/actions/customers/create-customer.ts#createCustomerAction": {
      access: WRITE,
      cases: [{ label: "a new customer", setup: async () => ({ args: [uniqueCustomer()] }) }],
    },
    "lib/actions/customers/update-customer.ts#updateCustomerAction": {
      access: WRITE,
      cases: [
        {
          label: "a fresh customer, at its version",
          setup: async () => {
            const c = await freshCustomer();
            return { args: [c.id, c.version, { phone: "+1 555 0100" }] };
          },
        },
      ],
    },
    "lib/actions/customers/archive-customer.ts#archiveCustomerAction": {
      access: WRITE,
      cases: [
        { label: "a fresh customer", setup: async () => ({ args: [(await freshCustomer()).id] }) },
        { label: "an id that matches nothing", setup: async () => ({ args: [missingId()] }) },
      ],
    },
    "lib/actions/customers/restore-customer.ts#restoreCustomerAction": {
      access: WRITE,
      cases: [
        {
          label: "an archived customer",
          setup: async () => ({ args: [(await freshCustomer({ archived: true })).id] }),
        },
      ],
    },
    "lib/actions/customers/delete-customer.ts#deleteCustomerAction": {
      access: WRITE,
      cases: [{ label: "a fresh customer", setup: async () => ({ args: [(await freshCustomer()).id] }) }],
    },
    "lib/actions/customers/import-customers.ts#importCustomersAction": {
      access: WRITE,
      cases: [
        {
          label: "a one-row file, committed",
          setup: async () => {
            const c = uniqueCustomer();
            return { args: [{ csv: `name,email\n${c.name},${c.email}\n`, dryRun: false }] };
          },
        },
        { label: "a preview", setup: async () => ({ args: [{ csv: "name\nPreview only\n", dryRun: true }] }) },
      ],
    },
  },
  routes: {
    "GET /api/v1/customers": { access: READ },
    "POST /api/v1/customers": {
      access: WRITE,
      cases: [{ label: "a new customer", setup: async () => ({ body: uniqueCustomer() }) }],
    },
    "GET /api/v1/customers/[id]": {
      access: READ,
      cases: [
        { label: "a fresh customer", setup: async () => ({ params: { id: (await freshCustomer()).id } }) },
        { label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "PATCH /api/v1/customers/[id]": {
      access: WRITE,
      cases: [
        {
          label: "a fresh customer",
          setup: async () => ({ params: { id: (await freshCustomer()).id }, body: { notes: "matrix" } }),
        },
      ],
    },
    "DELETE /api/v1/customers/[id]": {
      access: WRITE,
      cases: [{ label: "a fresh customer", setup: async () => ({ params: { id: (await freshCustomer()).id } }) }],
    },
    "GET /api/v1/customers/export": { access: READ },
    // The matrix sends JSON: an allowed call answers 415 (CSV expected), a refused one 401/403.
    "POST /api/v1/customers/import": {
      access: WRITE,
      cases: [{ label: "a JSON body", setup: async () => ({ body: { csv: "name\nA\n" } }) }],
    },
  },
  pages: {
    "/records/customers": { access: READ },
    "/records/customers/[id]": {
      access: READ,
      cases: [
        { label: "an id that matches nothing", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
  },
};
