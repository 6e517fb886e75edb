// Revenue, transactions and units per day, Monday week or month of the query's zone, with the
// previous period's revenue at the same offset (each bucket's window moved back by the range's
// length in days). The bucket windows are computed in zone-time.ts and joined in SQL, so a bucket
// holds exactly the sales whose instant falls in that local day/week/month on either database.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { bucketRows, isSale, join, num, queryRows, sql, type Sql } from "@/lib/data/analytics/analytics-sql";
import { reportScope } from "@/lib/data/analytics/report-scope";
import { bucketsOf, shiftBuckets, type Bucket } from "@/lib/data/analytics/zone-time";
import type { AnalyticsQuery, SalesSeries } from "@/lib/validations/analytics";

type SeriesRow = { i: unknown; n: unknown; revenue: unknown };
type UnitsRow = { i: unknown; units: unknown };

function windows(current: Bucket[], previous: Bucket[] | null): Sql {
  const rows = [...bucketRows(current), ...(previous ? bucketRows(previous, current.length) : [])];
  return sql`WITH b(i, lo, hi) AS (VALUES ${join(rows)})`;
}

export async function getSalesSeries(actor: Actor | null, query: AnalyticsQuery): Promise<SalesSeries> {
  const scope = await reportScope(actor, query);
  const current = bucketsOf(scope.range, query.bucket, scope.tz);
  const previous = query.compare ? shiftBuckets(current, scope.days, scope.tz) : null;
  const cte = windows(current, previous);
  const onSale = sql`t."occurredAt" >= b.lo AND t."occurredAt" < b.hi AND ${isSale("t")} AND t."currency" = ${scope.currency}`;
  const [sales, units] = await Promise.all([
    queryRows<SeriesRow>(sql`${cte}
      SELECT b.i AS "i", COUNT(*) AS "n", SUM(t."total" - t."tax") AS "revenue"
      FROM b JOIN "Transaction" t ON ${onSale}
      GROUP BY b.i`),
    queryRows<UnitsRow>(sql`${cte}
      SELECT b.i AS "i", SUM(l."quantity") AS "units"
      FROM b JOIN "Transaction" t ON ${onSale} JOIN "TransactionLine" l ON l."transactionId" = t."id"
      WHERE b.i < ${current.length}
      GROUP BY b.i`),
  ]);
  const byIndex = new Map(sales.map((r) => [num(r.i), r]));
  const unitsByIndex = new Map(units.map((r) => [num(r.i), num(r.units)]));
  return {
    currency: scope.currency,
    bucket: query.bucket,
    tz: scope.tz,
    points: current.map((b, i) => {
      const row = byIndex.get(i);
      return {
        start: b.start,
        revenue: num(row?.revenue),
        transactions: num(row?.n),
        units: unitsByIndex.get(i) ?? 0,
        previousRevenue: previous ? num(byIndex.get(i + current.length)?.revenue) : null,
      };
    }),
  };
}
