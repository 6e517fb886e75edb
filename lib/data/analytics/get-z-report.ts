// The end-of-day (Z) report of one local day: per staff member and in total, the sales made that
// day (count; gross = units × list price; discounts, line and order; tax), refunds given that day
// on their sales, the value of that day's sales that have since been voided, net takings
// (gross − discounts + tax − refunds) and what was taken per payment method (tax included, as in
// the drawer). Totals are computed by the database too, not by adding the rows up here.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { col, empty, isSale, num, queryRows, SALE_LINES, sql, within, type Sql } from "@/lib/data/analytics/analytics-sql";
import { dominantCurrency } from "@/lib/data/analytics/report-scope";
import { rangeInstants } from "@/lib/data/analytics/zone-time";
import {
  PAYMENT_METHODS,
  type PaymentMethod,
  type PaymentMixRow,
  type ZReport,
  type ZReportQuery,
  type ZReportTotals,
} from "@/lib/validations/analytics";

type Keyed = { staffId: string | null };
type SaleRow = Keyed & { n: unknown; tax: unknown; orderDiscount: unknown };
type LineRow = Keyed & { gross: unknown; lineDiscount: unknown };
type AmountRow = Keyed & { amount: unknown };
type MethodRow = Keyed & { method: string; amount: unknown; n: unknown };

/** The aggregate per staff member and, with a NULL staff id, over everyone (one statement). */
function perStaffAndTotal(select: Sql, from: Sql, where: Sql, staffColumn: string, extraGroup?: string): Sql {
  const staff = col(staffColumn);
  const extra = extraGroup ? col(extraGroup) : null;
  const extraSelect = extra ? sql`, ${extra} AS "method"` : empty;
  return sql`
    SELECT ${staff} AS "staffId"${extraSelect}, ${select} FROM ${from} WHERE ${where}
      GROUP BY ${staff}${extra ? sql`, ${extra}` : empty}
    UNION ALL
    SELECT NULL AS "staffId"${extraSelect}, ${select} FROM ${from} WHERE ${where}
      ${extra ? sql`GROUP BY ${extra}` : empty}`;
}

export async function getZReport(actor: Actor | null, query: ZReportQuery): Promise<ZReport> {
  requirePermission(actor, "analytics.read");
  const { lo, hi } = rangeInstants({ from: query.date, to: query.date }, query.tz);
  const currency = query.currency ?? (await dominantCurrency(lo, hi));
  const byStaff = query.staffId ? sql` AND t."staffId" = ${query.staffId}` : empty;
  const day = sql`${within(`t."occurredAt"`, lo, hi)} AND t."currency" = ${currency}${byStaff}`;
  const sales = sql`${day} AND ${isSale("t")}`;
  const tx = sql`"Transaction" t`;
  const [saleRows, lineRows, refundRows, voidRows, methodRows, names] = await Promise.all([
    queryRows<SaleRow>(
      perStaffAndTotal(
        sql`COUNT(*) AS "n", SUM(t."tax") AS "tax", SUM(t."discount") AS "orderDiscount"`,
        tx,
        sales,
        `t."staffId"`,
      ),
    ),
    queryRows<LineRow>(
      perStaffAndTotal(
        sql`SUM(CAST(l."quantity" AS BIGINT) * l."unitPrice") AS "gross", SUM(l."discount") AS "lineDiscount"`,
        SALE_LINES,
        sql`l."transactionId" = t."id" AND ${sales}`,
        `t."staffId"`,
      ),
    ),
    queryRows<AmountRow>(
      perStaffAndTotal(
        sql`SUM(r."amount") AS "amount"`,
        sql`"Refund" r JOIN "Transaction" t ON t."id" = r."transactionId"`,
        sql`${within(`r."createdAt"`, lo, hi)} AND t."currency" = ${currency}${byStaff}`,
        `t."staffId"`,
      ),
    ),
    queryRows<AmountRow>(
      perStaffAndTotal(sql`SUM(t."total") AS "amount"`, tx, sql`${day} AND t."status" = ${"voided"}`, `t."staffId"`),
    ),
    queryRows<MethodRow>(
      perStaffAndTotal(
        sql`SUM(t."total") AS "amount", COUNT(*) AS "n"`,
        tx,
        sales,
        `t."staffId"`,
        `t."paymentMethod"`,
      ),
    ),
    queryRows<{ id: string; firstName: string; lastName: string }>(sql`
      SELECT u."id" AS "id", u."firstName" AS "firstName", u."lastName" AS "lastName" FROM "User" u
      WHERE u."id" IN (
        SELECT t."staffId" FROM "Transaction" t WHERE ${day}
        UNION SELECT t."staffId" FROM "Refund" r JOIN "Transaction" t ON t."id" = r."transactionId"
          WHERE ${within(`r."createdAt"`, lo, hi)} AND t."currency" = ${currency}${byStaff}
      )
      ORDER BY u."lastName" ASC, u."firstName" ASC, u."id" ASC`),
  ]);

  const totalsOf = (staffId: string | null): ZReportTotals => {
    const pick = <R extends Keyed>(rows: R[]) => rows.find((r) => r.staffId === staffId);
    const s = pick(saleRows);
    const l = pick(lineRows);
    const gross = num(l?.gross);
    const discounts = num(s?.orderDiscount) + num(l?.lineDiscount);
    const tax = num(s?.tax);
    const refunds = num(pick(refundRows)?.amount);
    const byMethod: PaymentMixRow[] = PAYMENT_METHODS.flatMap((method: PaymentMethod) => {
      const m = methodRows.find((r) => r.staffId === staffId && r.method === method);
      return m ? [{ method, revenue: num(m.amount), transactions: num(m.n) }] : [];
    });
    return {
      transactions: num(s?.n),
      gross,
      discounts,
      tax,
      refunds,
      voids: num(pick(voidRows)?.amount),
      net: gross - discounts + tax - refunds,
      byMethod,
    };
  };

  return {
    date: query.date,
    tz: query.tz,
    currency,
    staff: names.map((u) => ({ staffId: u.id, name: `${u.firstName} ${u.lastName}`.trim(), ...totalsOf(u.id) })),
    totals: totalsOf(null),
  };
}
