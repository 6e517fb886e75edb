import { withApi } from "@/lib/api/with-api";
import { csvResponse } from "@/lib/csv/csv-export";
import { exportCustomers } from "@/lib/data/customers/export-customers";
import { parseCustomerListQueryStrict } from "@/lib/validations/customer-list-query";

/**
 * GET /api/v1/customers/export?sort=&q=&tag=&archived=: every customer matching the filter as
 * text/csv (header row; cells starting with = + - @ are quoted against formula injection),
 * streamed page by page. `cursor` and `limit` are ignored: the export always starts at the top.
 * Audited. The browser's "Export CSV" link on /records/customers points here.
 */
export const GET = withApi(
  async (ctx) => {
    const params = new URLSearchParams(ctx.searchParams);
    params.delete("cursor");
    params.delete("limit");
    const query = parseCustomerListQueryStrict(params);
    return csvResponse(await exportCustomers(ctx.actor, query, ctx));
  },
  { permission: "customers.read", sameOriginReads: true },
);
