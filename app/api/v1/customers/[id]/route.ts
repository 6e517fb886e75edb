import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { deleteCustomer } from "@/lib/data/customers/delete-customer";
import { getCustomer } from "@/lib/data/customers/get-customer";
import { updateCustomer } from "@/lib/data/customers/update-customer";

/** GET /api/v1/customers/{id}: `{ data }` with the version as ETag (304 for a matching If-None-Match); 404 for an unknown id. */
export const GET = withApi(
  async (ctx) => {
    const customer = await getCustomer(ctx.actor, ctx.params.id);
    return jsonRecord(ctx.request, { data: customer }, customer.version);
  },
  { permission: "customers.read" },
);

/**
 * PATCH /api/v1/customers/{id}: changes the fields sent (null clears an optional one). Send
 * If-Match with the ETag you read: a record changed since answers 412. 409 for a taken email.
 */
export const PATCH = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const customer = await updateCustomer(ctx.actor, ctx.params.id, body, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: customer }, customer.version);
  },
  { permission: "customers.write" },
);

/**
 * DELETE /api/v1/customers/{id}: deletes the customer, or archives it when it has transactions.
 * 200 `{ data: { outcome: "deleted" | "archived", id, … } }` says which; If-Match as for PATCH.
 */
export const DELETE = withApi(
  async (ctx) => {
    const result = await deleteCustomer(ctx.actor, ctx.params.id, ctx, ctx.expectedVersion());
    return result.outcome === "archived"
      ? jsonRecord(ctx.request, { data: result }, result.customer.version)
      : json({ data: result });
  },
  { permission: "customers.write" },
);
