"use client";
// The controls of /analytics: the date-range picker (presets, custom range, compare) and the
// bucket of the time series, all kept in the URL.
import { DateRangePicker, type DateRange, type DateRangePreset } from "@/components/ui/date-range-picker";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useQueryParams } from "@/components/ui/data-table/use-query-params";
import { BUCKET_LABELS } from "@/components/analytics/analytics-format";
import { ANALYTICS_BUCKETS, type AnalyticsBucket } from "@/lib/validations/analytics";

export function AnalyticsToolbar({
  presets,
  preset,
  range,
  compare,
  tz,
  bucket,
  describeRange,
}: {
  presets: readonly DateRangePreset[];
  preset: string | null;
  range: DateRange;
  compare: boolean;
  tz: string;
  bucket: AnalyticsBucket;
  describeRange: string;
}) {
  const { set, isPending } = useQueryParams();
  return (
    <div
      className="mb-6 flex flex-col gap-3 rounded-xl border border-border bg-surface px-5 py-4 shadow-sm lg:flex-row lg:items-start lg:justify-between"
      data-pending={isPending || undefined}
    >
      <DateRangePicker
        presets={presets}
        preset={preset}
        range={range}
        compare={compare}
        tz={tz}
        describeRange={describeRange}
        resetOnRangeChange={["bucket"]}
      />
      <Select
        label={
          <span className="inline-flex items-center gap-2">
            Group by {isPending ? <Spinner className="size-3.5 text-muted-foreground" /> : null}
          </span>
        }
        value={bucket}
        onChange={(e) => set({ bucket: e.target.value, tz })}
        wrapperClassName="w-full sm:w-36"
        options={ANALYTICS_BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))}
      />
    </div>
  );
}
