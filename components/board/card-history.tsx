// A card's history in the card dialog, newest first, from the audit log (getCard): who moved it
// where, what they changed, when.
import { History } from "lucide-react";
import type { BoardJson, CardHistoryEntryJson } from "@/lib/validations/board";
import { formatRelative, formatDateTime } from "@/lib/format";

const FIELD_NAMES: Record<string, string> = {
  title: "the title",
  description: "the description",
  dueAt: "the due date",
  priority: "the priority",
  coverColor: "the cover",
  labelIds: "the labels",
  assigneeIds: "the assignees",
  customerId: "the customer",
  transactionId: "the transaction",
};

function list(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "moved it from “To do” to “Doing”", "changed the title and the due date", … */
export function describeEntry(entry: CardHistoryEntryJson, board: Pick<BoardJson, "columns" | "lanes">): string {
  const m = entry.metadata;
  const column = (id: unknown) => board.columns.find((c) => c.id === id)?.name;
  switch (entry.action) {
    case "card.created":
      return `created it${column(m.columnId) ? ` in “${column(m.columnId)}”` : ""}`;
    case "card.moved": {
      const from = column(m.columnIdBefore);
      const to = column(m.columnIdAfter);
      if (m.columnIdBefore === m.columnIdAfter) return to ? `moved it within “${to}”` : "moved it";
      if (from && to) return `moved it from “${from}” to “${to}”`;
      return to ? `moved it to “${to}”` : "moved it";
    }
    case "card.updated": {
      const changed = Array.isArray(m.changed) ? (m.changed as string[]).map((f) => FIELD_NAMES[f] ?? f) : [];
      return changed.length ? `changed ${list(changed)}` : "changed it";
    }
    case "card.archived":
      return "archived it";
    case "card.restored":
      return "restored it";
    case "card.change_undone":
      return "undid a change";
    case "card.commented":
      return "commented";
    case "card.comment_deleted":
      return "deleted a comment";
    case "card.checklist_changed":
      return "changed the checklist";
    case "card.reminder_sent":
      return "sent a due-date reminder";
    default:
      return entry.label.charAt(0).toLowerCase() + entry.label.slice(1);
  }
}

export function CardHistory({
  entries,
  board,
  now,
}: {
  entries: CardHistoryEntryJson[] | null;
  board: Pick<BoardJson, "columns" | "lanes">;
  now: Date;
}) {
  return (
    <section aria-labelledby="card-history-heading">
      <h3 id="card-history-heading" className="mb-2 flex items-center gap-2 text-sm font-semibold text-foreground">
        <History className="size-4 text-muted-foreground" aria-hidden="true" />
        History
      </h3>
      {entries === null ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet.</p>
      ) : (
        <ol className="space-y-2 border-l border-border pl-4" data-testid="card-history">
          {entries.map((e) => (
            <li key={e.id} className="relative text-sm">
              <span aria-hidden="true" className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-border" />
              <span className="font-medium text-foreground">{e.actorName ?? "The system"}</span>{" "}
              <span className="text-foreground">{describeEntry(e, board)}</span>{" "}
              <time
                dateTime={e.createdAt}
                title={formatDateTime(new Date(e.createdAt))}
                className="whitespace-nowrap text-xs text-muted-foreground"
              >
                {formatRelative(new Date(e.createdAt), now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
