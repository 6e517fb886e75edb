// Placeholder of a section that is still loading (sessions, activity), shaped like a card of rows.
export function SectionSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse rounded-xl border border-border bg-surface">
      <span className="sr-only">{label}</span>
      <div className="border-b border-border px-6 py-4">
        <div className="h-5 w-36 rounded bg-muted" />
        <div className="mt-2 h-4 w-64 max-w-full rounded bg-muted" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3 border-b border-border px-6 py-4 last:border-0">
          <div className="size-9 rounded-full bg-muted" />
          <div className="flex-1 space-y-2">
            <div className="h-4 w-48 max-w-full rounded bg-muted" />
            <div className="h-3 w-72 max-w-full rounded bg-muted" />
          </div>
        </div>
      ))}
    </div>
  );
}
