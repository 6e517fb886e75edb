import { jsonRecord, withApi } from "@/lib/api/with-api";
import { getTransaction } from "@/lib/data/transactions/get-transaction";

/** One sale with its lines and refunds; ETag is its version (If-None-Match → 304). */
export const GET = withApi(
  async (ctx) => {
    const sale = await getTransaction(ctx.actor, ctx.params.id ?? "");
    return jsonRecord(ctx.request, { data: sale }, sale.version);
  },
  { permission: "transactions.read" },
);
