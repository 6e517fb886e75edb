// Shown while the analytics page first renders (every report is one server render; changes of the
// range keep the page on screen while the next one loads).
export default function AnalyticsLoading() {
  const card = "rounded-xl border border-border bg-surface shadow-sm";
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading analytics…</span>
      <div className="mb-8 flex items-end justify-between gap-4">
        <div className="space-y-2">
          <div className="h-7 w-32 rounded-md bg-muted" />
          <div className="h-4 w-96 max-w-full rounded-md bg-muted" />
        </div>
        <div className="hidden h-10 w-48 rounded-lg bg-muted sm:block" />
      </div>
      <div className={`${card} mb-6 flex flex-wrap gap-3 px-5 py-4`}>
        <div className="h-10 w-80 max-w-full rounded-lg bg-muted" />
        <div className="h-10 w-56 rounded-lg bg-muted" />
        <div className="ml-auto h-10 w-36 rounded-lg bg-muted" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className={`${card} space-y-2 px-4 py-3.5`}>
            <div className="h-3 w-20 rounded bg-muted" />
            <div className="h-6 w-24 rounded bg-muted" />
            <div className="h-4 w-16 rounded-full bg-muted" />
          </div>
        ))}
      </div>
      <div className={`${card} mt-6 p-5`}>
        <div className="h-4 w-40 rounded bg-muted" />
        <div className="mt-6 h-64 rounded-lg bg-muted/60" />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className={`${card} p-5`}>
            <div className="h-4 w-44 rounded bg-muted" />
            <div className="mt-6 space-y-3">
              {Array.from({ length: 6 }, (_, j) => (
                <div key={j} className="h-5 rounded bg-muted/60" style={{ width: `${90 - j * 12}%` }} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
