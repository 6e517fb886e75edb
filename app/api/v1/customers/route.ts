import { jsonRecord, withApi } from "@/lib/api/with-api";
import { jsonList } from "@/lib/api/list-response";
import { createCustomer } from "@/lib/data/customers/create-customer";
import { listCustomers } from "@/lib/data/customers/list-customers";
import { parseCustomerListQueryStrict } from "@/lib/validations/customer-list-query";

/**
 * GET /api/v1/customers?limit=&cursor=&sort=&q=&tag=&archived=&total=true: one keyset page of
 * customers (`{ data, next_cursor, total? }`). `sort` is name, createdAt or updatedAt (prefix "-"
 * for descending; name by default); `archived` is active (default), archived or all; `q` searches
 * name, email and phone. 422 names each invalid parameter.
 */
export const GET = withApi(
  async (ctx) => {
    const query = parseCustomerListQueryStrict(ctx.searchParams);
    const page = await listCustomers(ctx.actor, query);
    return jsonList(page.items, { nextCursor: page.nextCursor, total: page.total });
  },
  { permission: "customers.read" },
);

/**
 * POST /api/v1/customers: creates a customer from `{ name, email?, phone?, address?, notes?, tags? }`.
 * 201 `{ data }` with ETag and Location; 409 when the email is taken (case-insensitive); 422 per field.
 */
export const POST = withApi(
  async (ctx) => {
    const customer = await createCustomer(ctx.actor, await ctx.json(), ctx);
    return jsonRecord(ctx.request, { data: customer }, customer.version, {
      status: 201,
      headers: { Location: `/api/v1/customers/${customer.id}` },
    });
  },
  { permission: "customers.write" },
);
