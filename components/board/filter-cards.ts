// The board's filters (assignee or "my cards", label, due, priority, text), kept in the URL and
// applied in the browser over the cards the page already holds (getBoard loads every open card).
// Due dates are calendar days: the card dialog sets a day (stored at noon UTC, so it is the same
// day in every time zone from UTC−11 to UTC+11); "today" is the viewer's own day.
import type { BoardCardJson, CardPriority } from "@/lib/validations/board";
import { CARD_PRIORITIES } from "@/lib/validations/board-constants";

export const DUE_FILTERS = ["overdue", "week", "none"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export type BoardFilter = {
  q: string;
  /** A member's user id, or "me". */
  assignee: string;
  label: string;
  due: DueFilter | "";
  priority: CardPriority | "";
};

export const FILTER_KEYS = ["q", "assignee", "label", "due", "priority"] as const;
export const EMPTY_FILTER: BoardFilter = { q: "", assignee: "", label: "", due: "", priority: "" };

/** The filters named in a query string; unknown values are ignored. */
export function parseFilter(params: URLSearchParams): BoardFilter {
  const text = (key: string, max: number) => (params.get(key) ?? "").trim().slice(0, max);
  const due = params.get("due") ?? "";
  const priority = params.get("priority") ?? "";
  return {
    q: text("q", 200),
    assignee: text("assignee", 64),
    label: text("label", 64),
    due: (DUE_FILTERS as readonly string[]).includes(due) ? (due as DueFilter) : "",
    priority: (CARD_PRIORITIES as readonly string[]).includes(priority) ? (priority as CardPriority) : "",
  };
}

export function isFiltering(filter: BoardFilter): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== "");
}

/** "2026-12-24": the calendar day of a due date. */
export function dueDay(dueAt: string): string {
  return dueAt.slice(0, 10);
}

/** The day `n` days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The viewer's own calendar day. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DueStatus = "overdue" | "today" | "week" | "later";

/** How a due date reads today: overdue, today, within the next seven days, or later. */
export function dueStatus(dueAt: string, today: string): DueStatus {
  const day = dueDay(new Date(dueAt).toISOString());
  if (day < today) return "overdue";
  if (day === today) return "today";
  return day < addDays(today, 7) ? "week" : "later";
}

export function matchesFilter(
  card: BoardCardJson,
  filter: BoardFilter,
  context: { me: string; today: string; labelNames?: ReadonlyMap<string, string> },
): boolean {
  if (filter.assignee) {
    const who = filter.assignee === "me" ? context.me : filter.assignee;
    if (!card.assigneeIds.includes(who)) return false;
  }
  if (filter.label && !card.labelIds.includes(filter.label)) return false;
  if (filter.priority && card.priority !== filter.priority) return false;
  if (filter.due === "none" && card.dueAt !== null) return false;
  if (filter.due === "overdue" && (card.dueAt === null || dueStatus(card.dueAt, context.today) !== "overdue"))
    return false;
  if (filter.due === "week") {
    const status = card.dueAt === null ? null : dueStatus(card.dueAt, context.today);
    if (status !== "today" && status !== "week") return false;
  }
  if (filter.q) {
    const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
    const haystack = [
      card.title,
      card.customer?.name ?? "",
      card.transaction ? `#${card.transaction.number}` : "",
      ...card.labelIds.map((id) => context.labelNames?.get(id) ?? ""),
    ]
      .join("\n")
      .toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}
