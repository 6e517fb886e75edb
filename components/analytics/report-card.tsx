// One analytics report on the page: a card with its heading, a short description, the "Download
// CSV" link of the table behind it (the REST route with the page's query and format=csv), and the
// chart or table. `empty` replaces the body with a quiet note when the range has nothing to show.
import type { ReactNode } from "react";
import { Download, Inbox } from "lucide-react";
import { cn } from "@/lib/cn";

export function ReportCard({
  id,
  title,
  description,
  csvHref,
  empty,
  emptyText = "No sales in this range.",
  className,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  csvHref?: string;
  empty?: boolean;
  emptyText?: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-report={id}
      className={cn("flex min-w-0 flex-col rounded-xl border border-border bg-surface shadow-sm", className)}
    >
      <div className="flex items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-foreground">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {csvHref ? (
          <a
            href={csvHref}
            download
            className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-muted-foreground transition hover:bg-muted hover:text-foreground print:hidden"
          >
            <Download className="size-3.5" aria-hidden="true" />
            Download CSV<span className="sr-only">: {title}</span>
          </a>
        ) : null}
      </div>
      <div className="flex-1 px-5 pb-5 pt-4">
        {empty ? (
          <div className="flex h-full min-h-32 flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border text-center text-sm text-muted-foreground">
            <Inbox className="size-5" aria-hidden="true" />
            {emptyText}
          </div>
        ) : (
          children
        )}
      </div>
    </section>
  );
}

/** `/api/v1/analytics/<report>?<query>&format=csv`. */
export function csvHref(report: string, search: URLSearchParams, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(search);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  params.set("format", "csv");
  return `/api/v1/analytics/${report}?${params}`;
}
