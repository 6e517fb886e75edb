// The headline figures of a range and of the same number of days before it. Sales are completed,
// partially refunded and refunded transactions (voided ones are not sales); revenue is what they
// were sold for after discounts and before tax; refunds are counted when they were given, in the
// period they fall in, whichever period the sale was in. Gross margin is revenue less what the
// units sold cost (each line's unit cost at sale time). New customers: records created in range.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import {
  col,
  integer,
  isSale,
  join,
  num,
  SALE_LINES,
  queryRows,
  sql,
  within,
} from "@/lib/data/analytics/analytics-sql";
import {
  edgeBranches,
  QUARTER_SECONDS,
  splitRange,
  unitsWithin,
  type ReportSource,
} from "@/lib/data/analytics/rollups";
import { reportScope, type ReportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, KpiReport, Kpis } from "@/lib/validations/analytics";

type PeriodRow = { p: unknown };
type SaleRow = PeriodRow & {
  n: unknown;
  revenue: unknown;
  tax: unknown;
  orderDiscount: unknown;
  units: unknown;
  cost: unknown;
  lineDiscount: unknown;
};
type RefundRow = PeriodRow & { n: unknown; amount: unknown };
type CustomerRow = PeriodRow & { n: unknown };

/** 0 for the current period, 1 for the previous one, from where `column` falls. */
const periodOf = (column: string, lo: Date) => sql`CASE WHEN ${col(column)} >= ${lo} THEN 0 ELSE 1 END`;

export async function getKpis(actor: Actor | null, query: AnalyticsQuery, source?: ReportSource): Promise<KpiReport> {
  const scope = await reportScope(actor, query, source);
  const [current, previous] = await kpisOf(scope, query.compare, source);
  return {
    currency: scope.currency,
    range: scope.range,
    previousRange: scope.previousRange,
    current: current!,
    previous: query.compare ? previous! : null,
  };
}

/**
 * The KPIs of the scope's range and (when `compare`) its previous period. Sales and their lines come
 * from the quarter-hour rollup for the whole quarters of each period and from the raw rows for any
 * part left at its ends (rollups.ts); refunds and new customers from their own rows.
 */
export async function kpisOf(
  scope: ReportScope,
  compare: boolean,
  source: ReportSource = "rollups",
): Promise<[Kpis, Kpis | null]> {
  const { lo, hi, currency } = scope;
  const start = compare ? scope.prevLo : lo;
  const periods = [{ p: 0, span: { lo, hi } }, ...(compare ? [{ p: 1, span: { lo: scope.prevLo, hi: lo } }] : [])];
  const sales = sql`${isSale("t")} AND t."currency" = ${currency}`;
  const branches = periods.map(({ p, span }) => {
    const split = splitRange(span.lo, span.hi, QUARTER_SECONDS, source);
    return sql`
      SELECT ${integer(p)} AS "p", r."sales" AS "n", r."revenue" AS "revenue", r."tax" AS "tax", r."orderDiscount" AS "orderDiscount",
        r."units" AS "units", r."cost" AS "cost", r."lineDiscount" AS "lineDiscount"
      FROM "SalesQuarterRollup" r WHERE r."currency" = ${currency} AND ${unitsWithin(`r."quarter"`, split)}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT ${integer(p)}, 1, t."total" - t."tax", t."tax", t."discount", 0, 0, 0
        FROM "Transaction" t WHERE ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${sales}`,
      )}
      ${edgeBranches(
        split.edges,
        (e) => sql`
        SELECT ${integer(p)}, 0, 0, 0, 0, l."quantity", CAST(l."quantity" AS BIGINT) * l."unitCost", l."discount"
        FROM ${SALE_LINES} WHERE l."transactionId" = t."id" AND ${within(`t."occurredAt"`, e.lo, e.hi)} AND ${sales}`,
      )}`;
  });
  const [totals, refunds, customers] = await Promise.all([
    queryRows<SaleRow>(sql`
      WITH x AS (${join(branches, " UNION ALL ")})
      SELECT x."p" AS "p", SUM(x."n") AS "n", SUM(x."revenue") AS "revenue", SUM(x."tax") AS "tax",
        SUM(x."orderDiscount") AS "orderDiscount", SUM(x."units") AS "units", SUM(x."cost") AS "cost",
        SUM(x."lineDiscount") AS "lineDiscount"
      FROM x GROUP BY x."p"`),
    queryRows<RefundRow>(sql`
      SELECT ${periodOf(`r."createdAt"`, lo)} AS "p", COUNT(*) AS "n", SUM(r."amount") AS "amount"
      FROM "Refund" r JOIN "Transaction" t ON t."id" = r."transactionId"
      WHERE ${within(`r."createdAt"`, start, hi)} AND t."currency" = ${currency}
      GROUP BY 1`),
    queryRows<CustomerRow>(sql`
      SELECT ${periodOf(`c."createdAt"`, lo)} AS "p", COUNT(*) AS "n"
      FROM "Customer" c WHERE ${within(`c."createdAt"`, start, hi)}
      GROUP BY 1`),
  ]);
  const of = <R extends PeriodRow>(rows: R[], p: number) => rows.find((r) => num(r.p) === p);
  const kpis = (p: number): Kpis => {
    const s = of(totals, p);
    const r = of(refunds, p);
    const revenue = num(s?.revenue);
    const transactions = num(s?.n);
    const cost = num(s?.cost);
    return {
      revenue,
      transactions,
      averageTicket: transactions ? Math.round(revenue / transactions) : 0,
      units: num(s?.units),
      newCustomers: num(of(customers, p)?.n),
      refunds: num(r?.amount),
      refundCount: num(r?.n),
      discounts: num(s?.orderDiscount) + num(s?.lineDiscount),
      tax: num(s?.tax),
      grossMargin: revenue - cost,
      grossMarginRate: revenue > 0 ? (revenue - cost) / revenue : 0,
    };
  };
  return [kpis(0), compare ? kpis(1) : null];
}
