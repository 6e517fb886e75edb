// Shown while the products table first loads (changes of its filters keep the table on screen and
// show the table's own loading bar instead).
export default function ProductsLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading products…</span>
      <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <div className="h-7 w-36 rounded-md bg-muted" />
          <div className="h-4 w-96 max-w-full rounded-md bg-muted" />
        </div>
        <div className="flex gap-2">
          <div className="h-10 w-32 rounded-lg bg-muted" />
          <div className="h-10 w-32 rounded-lg bg-muted" />
          <div className="h-10 w-36 rounded-lg bg-muted" />
        </div>
      </div>
      <div className="overflow-hidden rounded-xl border border-border bg-surface">
        <div className="flex gap-2 border-b border-border px-6 py-3">
          <div className="h-10 w-64 rounded-lg bg-muted" />
          <div className="h-10 w-40 rounded-lg bg-muted" />
          <div className="h-10 w-40 rounded-lg bg-muted" />
          <div className="h-10 w-44 rounded-lg bg-muted" />
        </div>
        <div className="h-10 border-b border-border bg-muted/50" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-border px-6 py-3.5 last:border-0">
            <div className="h-3.5 w-24 rounded bg-muted" />
            <div className="space-y-1.5">
              <div className="h-3.5 w-48 rounded bg-muted" />
              <div className="h-3 w-64 rounded bg-muted" />
            </div>
            <div className="ml-auto h-4 w-16 rounded bg-muted" />
            <div className="h-5 w-14 rounded-full bg-muted" />
            <div className="h-5 w-20 rounded-full bg-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
