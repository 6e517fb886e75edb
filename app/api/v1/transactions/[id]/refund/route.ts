import { jsonRecord, withApi } from "@/lib/api/with-api";
import { refundTransaction } from "@/lib/data/transactions/refund-transaction";

/** Refunds a sale in full (no `lines`) or by line and quantity, restocking the units; If-Match guards the version. */
export const POST = withApi(
  async (ctx) => {
    const sale = await refundTransaction(ctx.actor, ctx.params.id ?? "", await ctx.json(), ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: sale }, sale.version);
  },
  { permission: "transactions.write" },
);
