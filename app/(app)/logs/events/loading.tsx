// Shown while the activity log first loads (filter changes keep the table on screen with its own
// loading bar).
export default function AuditEventsLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the activity log…</span>
      <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <div className="h-7 w-40 rounded-md bg-muted" />
          <div className="h-4 w-96 max-w-full rounded-md bg-muted" />
        </div>
        <div className="h-10 w-28 rounded-lg bg-muted" />
      </div>
      <div className="overflow-hidden rounded-xl border border-border bg-surface">
        <div className="flex flex-wrap gap-2 border-b border-border px-6 py-3">
          <div className="h-10 w-64 rounded-lg bg-muted" />
          <div className="h-10 w-52 rounded-lg bg-muted" />
          <div className="h-10 w-56 rounded-lg bg-muted" />
          <div className="h-10 w-36 rounded-lg bg-muted" />
        </div>
        <div className="h-10 border-b border-border bg-muted/50" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-border px-6 py-3.5 last:border-0">
            <div className="h-3.5 w-20 rounded bg-muted" />
            <div className="size-8 rounded-full bg-muted" />
            <div className="space-y-1.5">
              <div className="h-3.5 w-44 rounded bg-muted" />
              <div className="h-3 w-56 rounded bg-muted" />
            </div>
            <div className="ml-auto h-5 w-24 rounded bg-muted" />
            <div className="h-5 w-16 rounded-full bg-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
