// A past moment as "3 hours ago", machine-readable in `dateTime` and exact on hover. Pass children to
// word it differently (e.g. "in 2 days" for an expiry) while keeping the same element.
import type { ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";

export function RelativeTime({ date, now, children }: { date: Date; now: Date; children?: ReactNode }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {children ?? formatRelative(date, now)}
    </time>
  );
}
