// Products at or below their low-stock threshold now (whatever the range), each linking to the
// product in the products table.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { ReportCard } from "@/components/analytics/report-card";
import type { StockAlertRow } from "@/lib/validations/analytics";

export function StockAlerts({ rows, csv }: { rows: StockAlertRow[]; csv: string }) {
  return (
    <ReportCard
      id="stock-alerts"
      title="Stock alerts"
      description="Products at or below their low-stock threshold, as of now."
      csvHref={csv}
      empty={rows.length === 0}
      emptyText="Every product is above its threshold."
    >
      {
        <Table containerClassName="relative -mx-5 max-h-96 w-auto! overflow-y-auto">
          <THead>
            <Tr>
              <Th>Product</Th>
              <Th className="text-right">In stock</Th>
              <Th className="text-right">Threshold</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.productId} interactive>
                <Td>
                  <Link
                    href={`/records/products?q=${encodeURIComponent(r.sku)}`}
                    className="font-medium text-foreground hover:underline"
                  >
                    {r.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">{r.sku}</span>
                </Td>
                <Td className="text-right">
                  <Badge tone={r.quantity <= 0 ? "danger" : "warning"} className="tabular-nums">
                    {r.quantity <= 0 ? "Out of stock" : r.quantity}
                  </Badge>
                </Td>
                <Td className="text-right tabular-nums text-muted-foreground">{r.threshold}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    </ReportCard>
  );
}
