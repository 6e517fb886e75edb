// How customers paid: revenue per payment method as a donut, with the count of sales in its table.
import { Chart } from "@/components/ui/chart";
import { ReportCard } from "@/components/analytics/report-card";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/transaction";
import type { PaymentMixRow } from "@/lib/validations/analytics";

export function PaymentMix({ rows, currency, csv }: { rows: PaymentMixRow[]; currency: string; csv: string }) {
  const sales = rows.reduce((n, r) => n + r.transactions, 0);
  return (
    <ReportCard
      id="payment-mix"
      title="Payment methods"
      description={`Revenue by how ${new Intl.NumberFormat("en-US").format(sales)} sales were paid.`}
      csvHref={csv}
      empty={rows.every((r) => r.revenue === 0)}
    >
      <Chart
        variant="donut"
        data={rows.map((r) => ({
          label: PAYMENT_METHOD_LABELS[r.method],
          revenue: r.revenue,
          transactions: r.transactions,
        }))}
        series={[{ key: "revenue", label: "Revenue" }]}
        title="Revenue by payment method"
        format={{ kind: "money", currency }}
      />
    </ReportCard>
  );
}
