import { jsonRecord, withApi } from "@/lib/api/with-api";
import { jsonList } from "@/lib/api/list-response";
import { createTransaction } from "@/lib/data/transactions/create-transaction";
import { listTransactions } from "@/lib/data/transactions/list-transactions";
import { parseTransactionListQueryStrict } from "@/lib/validations/transaction-list-query";

/** Lists sales: keyset pages, filters customer_id, staff_id, from, to, status, payment_method; q = receipt number. */
export const GET = withApi(
  async (ctx) => {
    const page = await listTransactions(ctx.actor, parseTransactionListQueryStrict(ctx.searchParams));
    return jsonList(page.items, page);
  },
  { permission: "transactions.read" },
);

/** Records a sale; totals, tax and prices come from the products, never from the body. 201 with the receipt. */
export const POST = withApi(
  async (ctx) => {
    const sale = await createTransaction(ctx.actor, await ctx.json(), ctx);
    return jsonRecord(ctx.request, { data: sale }, sale.version, {
      status: 201,
      headers: { Location: `/api/v1/transactions/${sale.id}` },
    });
  },
  { permission: "transactions.write" },
);
