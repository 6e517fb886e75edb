// The headline figures of a range and of the same number of days before it. Sales are completed,
// partially refunded and refunded transactions (voided ones are not sales); revenue is what they
// were sold for after discounts and before tax; refunds are counted when they were given, in the
// period they fall in, whichever period the sale was in. Gross margin is revenue less what the
// units sold cost (each line's unit cost at sale time). New customers: records created in range.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { col, isSale, num, SALE_LINES, queryRows, sql, within } from "@/lib/data/analytics/analytics-sql";
import { reportScope, type ReportScope } from "@/lib/data/analytics/report-scope";
import type { AnalyticsQuery, KpiReport, Kpis } from "@/lib/validations/analytics";

type PeriodRow = { p: unknown };
type SaleRow = PeriodRow & { n: unknown; revenue: unknown; tax: unknown; orderDiscount: unknown };
type LineRow = PeriodRow & { units: unknown; cost: unknown; lineDiscount: unknown };
type RefundRow = PeriodRow & { n: unknown; amount: unknown };
type CustomerRow = PeriodRow & { n: unknown };

/** 0 for the current period, 1 for the previous one, from where `column` falls. */
const periodOf = (column: string, lo: Date) => sql`CASE WHEN ${col(column)} >= ${lo} THEN 0 ELSE 1 END`;

export async function getKpis(actor: Actor | null, query: AnalyticsQuery): Promise<KpiReport> {
  const scope = await reportScope(actor, query);
  const [current, previous] = await kpisOf(scope, query.compare);
  return {
    currency: scope.currency,
    range: scope.range,
    previousRange: scope.previousRange,
    current: current!,
    previous: query.compare ? previous! : null,
  };
}

/** The KPIs of the scope's range and (when `compare`) its previous period, in one pass each. */
export async function kpisOf(scope: ReportScope, compare: boolean): Promise<[Kpis, Kpis | null]> {
  const { lo, hi, currency } = scope;
  const start = compare ? scope.prevLo : lo;
  const [sales, lines, refunds, customers] = await Promise.all([
    queryRows<SaleRow>(sql`
      SELECT ${periodOf(`t."occurredAt"`, lo)} AS "p", COUNT(*) AS "n", SUM(t."total" - t."tax") AS "revenue",
        SUM(t."tax") AS "tax", SUM(t."discount") AS "orderDiscount"
      FROM "Transaction" t
      WHERE ${within(`t."occurredAt"`, start, hi)} AND ${isSale("t")} AND t."currency" = ${currency}
      GROUP BY 1`),
    queryRows<LineRow>(sql`
      SELECT ${periodOf(`t."occurredAt"`, lo)} AS "p", SUM(l."quantity") AS "units",
        SUM(CAST(l."quantity" AS BIGINT) * l."unitCost") AS "cost", SUM(l."discount") AS "lineDiscount"
      FROM ${SALE_LINES}
      WHERE l."transactionId" = t."id" AND ${within(`t."occurredAt"`, start, hi)} AND ${isSale("t")} AND t."currency" = ${currency}
      GROUP BY 1`),
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
    const s = of(sales, p);
    const l = of(lines, p);
    const r = of(refunds, p);
    const revenue = num(s?.revenue);
    const transactions = num(s?.n);
    const cost = num(l?.cost);
    return {
      revenue,
      transactions,
      averageTicket: transactions ? Math.round(revenue / transactions) : 0,
      units: num(l?.units),
      newCustomers: num(of(customers, p)?.n),
      refunds: num(r?.amount),
      refundCount: num(r?.n),
      discounts: num(s?.orderDiscount) + num(l?.lineDiscount),
      tax: num(s?.tax),
      grossMargin: revenue - cost,
      grossMarginRate: revenue > 0 ? (revenue - cost) / revenue : 0,
    };
  };
  return [kpis(0), compare ? kpis(1) : null];
}
