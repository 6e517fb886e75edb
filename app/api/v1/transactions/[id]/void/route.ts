import { jsonRecord, withApi } from "@/lib/api/with-api";
import { voidTransaction } from "@/lib/data/transactions/void-transaction";

/** Voids a completed or partly refunded sale (`{ reason }`), restocking what was not refunded; If-Match guards the version. */
export const POST = withApi(
  async (ctx) => {
    const sale = await voidTransaction(ctx.actor, ctx.params.id ?? "", await ctx.json(), ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: sale }, sale.version);
  },
  { permission: "transactions.write" },
);
