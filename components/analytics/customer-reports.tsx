// Customers: who spent most in the range, and how revenue splits between first-time buyers,
// returning customers and walk-in sales with no customer attached.
import { Chart } from "@/components/ui/chart";
import { ReportCard } from "@/components/analytics/report-card";
import type { CustomerMix, CustomerRow } from "@/lib/validations/analytics";

export function TopCustomers({ rows, currency, csv }: { rows: CustomerRow[]; currency: string; csv: string }) {
  return (
    <ReportCard
      id="top-customers"
      title="Top customers"
      description="Revenue per named customer; walk-in sales are left out."
      csvHref={csv}
      empty={rows.length === 0}
      emptyText="No sales to named customers in this range."
    >
      <Chart
        variant="bar"
        horizontal
        data={rows.map((r) => ({ label: r.name, revenue: r.revenue, transactions: r.transactions }))}
        series={[{ key: "revenue", label: "Revenue", tone: "pink" }]}
        title="Top customers"
        format={{ kind: "money", currency }}
        height={Math.max(160, rows.length * 30 + 24)}
      />
    </ReportCard>
  );
}

export function NewVsReturning({ mix, currency, csv }: { mix: CustomerMix; currency: string; csv: string }) {
  const count = (n: number, one: string) => `${new Intl.NumberFormat("en-US").format(n)} ${one}${n === 1 ? "" : "s"}`;
  const data = [
    { label: "New customers", revenue: mix.newRevenue },
    { label: "Returning customers", revenue: mix.returningRevenue },
    { label: "Walk-in sales", revenue: mix.walkInRevenue },
  ];
  return (
    <ReportCard
      id="customer-mix"
      title="New vs returning customers"
      description={`${count(mix.newCustomers, "new customer")}, ${count(mix.returningCustomers, "returning customer")}, ${count(mix.walkIns, "walk-in sale")}.`}
      csvHref={csv}
      empty={mix.newRevenue === 0 && mix.returningRevenue === 0 && mix.walkInRevenue === 0}
    >
      <Chart
        variant="donut"
        data={data}
        series={[{ key: "revenue", label: "Revenue" }]}
        title="Revenue by new, returning and walk-in customers"
        format={{ kind: "money", currency }}
      />
    </ReportCard>
  );
}
