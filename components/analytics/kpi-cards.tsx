// The KPI row of /analytics: each figure of the range with its change against the previous
// period (arrow, percentage, and a sentence for screen readers). Refunds going up is bad news,
// so its colours are the other way round.
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";
import type { KpiReport, Kpis } from "@/lib/validations/analytics";
import { changeTone, describeChange, formatChange, percentChange } from "@/components/analytics/percent-change";

type KpiDef = {
  key: string;
  label: string;
  value: (k: Kpis) => number;
  format: "money" | "number" | "percent";
  better?: "up" | "down";
  note?: (k: Kpis, money: (n: number) => string) => string | null;
};

const KPIS: readonly KpiDef[] = [
  { key: "revenue", label: "Revenue", value: (k) => k.revenue, format: "money" },
  { key: "transactions", label: "Transactions", value: (k) => k.transactions, format: "number" },
  { key: "averageTicket", label: "Average ticket", value: (k) => k.averageTicket, format: "money" },
  { key: "units", label: "Units sold", value: (k) => k.units, format: "number" },
  { key: "newCustomers", label: "New customers", value: (k) => k.newCustomers, format: "number" },
  {
    key: "refunds",
    label: "Refunds",
    value: (k) => k.refunds,
    format: "money",
    better: "down",
    note: (k) => `${k.refundCount} refund${k.refundCount === 1 ? "" : "s"}`,
  },
  {
    key: "grossMargin",
    label: "Gross margin",
    value: (k) => k.grossMargin,
    format: "money",
    note: (k) => `${(k.grossMarginRate * 100).toFixed(1)}% of revenue`,
  },
];

export function KpiCards({ report }: { report: KpiReport }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const show = (def: KpiDef, k: Kpis) =>
    def.format === "money" ? money(def.value(k)) : new Intl.NumberFormat("en-US").format(def.value(k));
  return (
    // Revenue takes two columns: seven cards then fill whole rows of two (phone) and of four.
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Key figures">
      {KPIS.map((def) => {
        const current = def.value(report.current);
        const previous = report.previous ? def.value(report.previous) : null;
        const change = percentChange(current, previous);
        const tone = changeTone(change, def.better);
        const Icon = change.direction === "up" ? ArrowUpRight : change.direction === "down" ? ArrowDownRight : Minus;
        const note = def.note?.(report.current, money);
        return (
          <li
            key={def.key}
            data-kpi={def.key}
            className={cn(
              "flex min-w-0 flex-col rounded-xl border border-border bg-surface px-4 py-3.5 shadow-sm",
              def.key === "revenue" && "col-span-2",
            )}
          >
            <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{def.label}</p>
            <p
              className={cn(
                "mt-1.5 truncate font-semibold tabular-nums tracking-tight text-foreground",
                def.key === "revenue" ? "text-3xl" : "text-xl",
              )}
            >
              {show(def, report.current)}
            </p>
            {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
            {report.previous ? (
              <p
                className="mt-auto flex flex-wrap items-center gap-x-1 gap-y-0.5 pt-2 text-xs"
                data-testid="kpi-change"
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    "inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 font-medium tabular-nums",
                    tone === "good" && "bg-success-soft text-success",
                    tone === "bad" && "bg-danger-soft text-danger",
                    tone === "neutral" && "bg-muted text-muted-foreground",
                  )}
                >
                  {change.ratio === null && change.direction === "flat" ? null : <Icon className="size-3" />}
                  {formatChange(change)}
                </span>
                <span aria-hidden="true" className="whitespace-nowrap text-muted-foreground">
                  vs {show(def, report.previous)}
                </span>
                <span className="sr-only">{describeChange(change, show(def, report.previous))}</span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
