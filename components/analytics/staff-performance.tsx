// Staff performance: revenue per staff member as bars (against the previous period when compared)
// and the table of revenue, sales, average ticket and refunds.
import { Chart } from "@/components/ui/chart";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { ReportCard } from "@/components/analytics/report-card";
import { changeTone, formatChange, percentChange } from "@/components/analytics/percent-change";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";
import type { StaffRow } from "@/lib/validations/analytics";

export function StaffPerformance({
  rows,
  currency,
  compare,
  csv,
}: {
  rows: StaffRow[];
  currency: string;
  compare: boolean;
  csv: string;
}) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <ReportCard
      id="staff"
      title="Staff performance"
      description="Sales recorded by each staff member; refunds at the time they were given."
      csvHref={csv}
      empty={rows.length === 0}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Chart
          variant="bar"
          horizontal
          data={rows.map((r) => ({ label: r.name, revenue: r.revenue, previousRevenue: r.previousRevenue }))}
          series={[
            { key: "revenue", label: "This period", tone: "brand" },
            ...(compare
              ? [{ key: "previousRevenue", label: "Previous period", tone: "previous", dashed: true } as const]
              : []),
          ]}
          title="Revenue per staff member"
          format={{ kind: "money", currency }}
          height={Math.max(180, rows.length * (compare ? 44 : 30) + 48)}
        />
        <Table containerClassName="relative -mx-5 w-auto! sm:mx-0 sm:w-full!" aria-label="Staff performance">
          <THead>
            <Tr>
              <Th>Staff member</Th>
              <Th className="text-right">Revenue</Th>
              <Th className="text-right">Sales</Th>
              <Th className="text-right">Avg. ticket</Th>
              <Th className="text-right">Refunds</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => {
              const change = percentChange(r.revenue, r.previousRevenue);
              const tone = changeTone(change);
              return (
                <Tr key={r.staffId}>
                  <Td className="font-medium text-foreground">{r.name}</Td>
                  <Td className="text-right tabular-nums">
                    {money(r.revenue)}
                    {compare && r.previousRevenue !== null ? (
                      <span
                        className={cn(
                          "block text-xs",
                          tone === "good" ? "text-success" : tone === "bad" ? "text-danger" : "text-muted-foreground",
                        )}
                      >
                        {formatChange(change)}
                        <span className="sr-only"> against {money(r.previousRevenue)} in the previous period</span>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">{r.transactions}</Td>
                  <Td className="text-right tabular-nums">{money(r.averageTicket)}</Td>
                  <Td className="text-right tabular-nums">
                    {money(r.refunds)}
                    <span className="block text-xs text-muted-foreground">
                      {r.refundCount} refund{r.refundCount === 1 ? "" : "s"}
                    </span>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </div>
    </ReportCard>
  );
}
