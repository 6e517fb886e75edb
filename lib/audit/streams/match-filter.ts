// Whether an audit event goes to a stream: its action is one of the filter's (exact, or "group.*"
// for every action of a group) and its outcome is the filter's. An empty filter takes everything.
export type StreamFilter = { actions?: readonly string[]; outcome?: "success" | "failure" | null };

export function matchesStreamFilter(filter: StreamFilter, event: { action: string; outcome: string }): boolean {
  if (filter.outcome && event.outcome !== filter.outcome) return false;
  const actions = filter.actions ?? [];
  if (actions.length === 0) return true;
  return actions.some((pattern) =>
    pattern.endsWith(".*") ? event.action.startsWith(pattern.slice(0, -1)) : event.action === pattern,
  );
}

/** The stored filter (JSON text) read leniently: anything unreadable means "everything". */
export function parseStoredFilter(text: string): { actions: string[]; outcome: "success" | "failure" | null } {
  try {
    const raw = JSON.parse(text) as { actions?: unknown; outcome?: unknown };
    const actions = Array.isArray(raw.actions) ? raw.actions.filter((a): a is string => typeof a === "string") : [];
    const outcome = raw.outcome === "success" || raw.outcome === "failure" ? raw.outcome : null;
    return { actions, outcome };
  } catch {
    return { actions: [], outcome: null };
  }
}
