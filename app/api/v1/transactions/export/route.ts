import { withApi } from "@/lib/api/with-api";
import { csvResponse } from "@/lib/csv/csv-export";
import { exportTransactions } from "@/lib/data/transactions/export-transactions";
import { parseTransactionListQueryStrict } from "@/lib/validations/transaction-list-query";

/**
 * GET /api/v1/transactions/export?sort=&q=&status=&payment_method=&customer_id=&staff_id=&from=&to=:
 * every matching sale as text/csv, streamed page by page (amounts in minor units). `cursor` and
 * `limit` are ignored: the export always starts at the top. Audited. The "Export CSV" link on
 * /records/transactions points here.
 */
export const GET = withApi(
  async (ctx) => {
    const params = new URLSearchParams(ctx.searchParams);
    params.delete("cursor");
    params.delete("limit");
    const query = parseTransactionListQueryStrict(params);
    return csvResponse(await exportTransactions(ctx.actor, query, ctx));
  },
  { permission: "transactions.read", sameOriginReads: true },
);
