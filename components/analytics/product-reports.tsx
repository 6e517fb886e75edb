// Products: the best sellers by revenue and by units, and gross margin by product (revenue split
// into what the goods cost and what is left).
import Link from "next/link";
import { Chart } from "@/components/ui/chart";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { ReportCard } from "@/components/analytics/report-card";
import { formatMoney } from "@/lib/money";
import type { ProductRow } from "@/lib/validations/analytics";

export function TopProducts({
  rows,
  by,
  currency,
  csv,
}: {
  rows: ProductRow[];
  by: "revenue" | "units";
  currency: string;
  csv: string;
}) {
  const title = by === "revenue" ? "Top products by revenue" : "Top products by units";
  return (
    <ReportCard
      id={`top-products-${by}`}
      title={title}
      description={by === "revenue" ? "Net of discounts, before tax." : "Units sold, refunds not deducted."}
      csvHref={csv}
      empty={rows.length === 0}
    >
      <Chart
        variant="bar"
        horizontal
        data={rows.map((r) => ({ label: r.name, value: by === "revenue" ? r.revenue : r.units }))}
        series={[
          { key: "value", label: by === "revenue" ? "Revenue" : "Units", tone: by === "revenue" ? "brand" : "teal" },
        ]}
        title={title}
        format={by === "revenue" ? { kind: "money", currency } : { kind: "number" }}
        height={Math.max(160, rows.length * 30 + 24)}
      />
    </ReportCard>
  );
}

export function GrossMarginByProduct({ rows, currency, csv }: { rows: ProductRow[]; currency: string; csv: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <ReportCard
      id="gross-margin"
      title="Gross margin by product"
      description="Revenue split into the cost of the goods and the margin left."
      csvHref={csv}
      empty={rows.length === 0}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Chart
          variant="stacked-bar"
          horizontal
          data={rows.map((r) => ({ label: r.name, cost: r.cost, grossMargin: r.grossMargin }))}
          series={[
            { key: "grossMargin", label: "Gross margin", tone: "green" },
            { key: "cost", label: "Cost of goods", tone: "previous" },
          ]}
          title="Gross margin by product"
          format={{ kind: "money", currency }}
          height={Math.max(180, rows.length * 30 + 24)}
        />
        <Table containerClassName="relative -mx-5 w-auto! sm:mx-0 sm:w-full!">
          <THead>
            <Tr>
              <Th>Product</Th>
              <Th className="text-right">Revenue</Th>
              <Th className="text-right">Margin</Th>
              <Th className="text-right">Rate</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.productId}>
                <Td className="max-w-48">
                  <Link
                    href={`/records/products?q=${encodeURIComponent(r.sku)}`}
                    className="block truncate font-medium text-foreground hover:underline"
                  >
                    {r.name}
                  </Link>
                  <span className="text-xs text-muted-foreground">{r.sku}</span>
                </Td>
                <Td className="text-right tabular-nums">{money(r.revenue)}</Td>
                <Td className="text-right tabular-nums">{money(r.grossMargin)}</Td>
                <Td className="text-right tabular-nums">{(r.grossMarginRate * 100).toFixed(1)}%</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </ReportCard>
  );
}
