export default function ZReportLoading() {
  const card = "rounded-xl border border-border bg-surface shadow-sm";
  return (
    <div aria-busy="true" aria-live="polite" className="mx-auto max-w-4xl animate-pulse space-y-6">
      <span className="sr-only">Loading the end-of-day report…</span>
      <div className="space-y-2">
        <div className="h-7 w-56 rounded-md bg-muted" />
        <div className="h-4 w-96 max-w-full rounded-md bg-muted" />
      </div>
      <div className={`${card} flex gap-3 px-5 py-4`}>
        <div className="h-10 w-44 rounded-lg bg-muted" />
        <div className="h-10 w-20 rounded-lg bg-muted" />
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className={`${card} space-y-4 p-6`}>
          <div className="h-5 w-48 rounded bg-muted" />
          <div className="grid grid-cols-4 gap-4">
            {Array.from({ length: 8 }, (_, j) => (
              <div key={j} className="h-9 rounded bg-muted/60" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
