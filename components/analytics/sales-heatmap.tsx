// When the shop is busy: revenue per hour of day and weekday as a table whose cells are coloured
// by a stepped scale of the brand colour. A real <table> (weekday rows, hour columns) reads
// cell by cell with a screen reader; recharts has no heatmap.
import { ReportCard } from "@/components/analytics/report-card";
import { HEAT_LEVEL_CLASSES, HEAT_LEVELS, heatLevel, heatmapHours } from "@/components/analytics/heat-scale";
import { WEEKDAY_LABELS, WEEKDAY_NAMES, formatHour } from "@/components/analytics/analytics-format";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";
import type { HeatCell } from "@/lib/validations/analytics";

export function SalesHeatmap({
  cells,
  currency,
  tz,
  csv,
}: {
  cells: HeatCell[];
  currency: string;
  tz: string;
  csv: string;
}) {
  const HOURS = heatmapHours(cells);
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const max = cells.reduce((m, c) => Math.max(m, c.revenue), 0);
  const busiest = cells.reduce<HeatCell | null>((b, c) => (!b || c.revenue > b.revenue ? c : b), null);
  return (
    <ReportCard
      id="heatmap"
      title="Sales by hour and weekday"
      description={
        busiest && busiest.revenue > 0
          ? `Busiest: ${WEEKDAY_NAMES[busiest.weekday - 1]} ${formatHour(busiest.hour)}–${formatHour((busiest.hour + 1) % 24)} (${tz}).`
          : `Revenue per hour in ${tz}.`
      }
      csvHref={csv}
      empty={max === 0}
    >
      {/* relative: the cells' sr-only text is positioned inside the scroller, not against the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[36rem] border-separate border-spacing-0.5 text-[11px]" data-testid="heatmap">
          <caption className="sr-only">Revenue by weekday (rows) and hour of day (columns), {tz}</caption>
          <thead>
            <tr>
              <td className="w-10" />
              {HOURS.map((h) => (
                <th key={h} scope="col" className="pb-1 font-normal text-muted-foreground">
                  <span aria-hidden="true">{h % 2 === 0 ? String(h).padStart(2, "0") : ""}</span>
                  <span className="sr-only">{formatHour(h)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAY_LABELS.map((day, i) => (
              <tr key={day}>
                <th scope="row" className="pr-2 text-left font-medium text-muted-foreground">
                  <abbr title={WEEKDAY_NAMES[i]} className="no-underline">
                    {day}
                  </abbr>
                </th>
                {HOURS.map((h) => {
                  const cell = byKey.get(`${i + 1}:${h}`);
                  const revenue = cell?.revenue ?? 0;
                  const level = heatLevel(revenue, max);
                  const text = revenue
                    ? `${formatMoney(revenue, currency)}, ${cell?.transactions ?? 0} sale${cell?.transactions === 1 ? "" : "s"}`
                    : "No sales";
                  return (
                    <td
                      key={h}
                      title={`${WEEKDAY_NAMES[i]} ${formatHour(h)}: ${text}`}
                      data-level={level}
                      className={cn("h-6 rounded-[3px] text-center", HEAT_LEVEL_CLASSES[level])}
                    >
                      <span className="sr-only">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex items-center justify-end gap-1.5 text-xs text-muted-foreground" aria-hidden="true">
        Less
        {Array.from({ length: HEAT_LEVELS + 1 }, (_, l) => (
          <span key={l} className={cn("inline-block size-3 rounded-[3px]", HEAT_LEVEL_CLASSES[l])} />
        ))}
        More
      </div>
    </ReportCard>
  );
}
