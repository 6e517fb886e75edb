// "Cards" on a customer's or a transaction's page: the open cards linked to it on boards the
// viewer is a member of (listLinkedCards), each linking to the card on its board. A server
// component: the page passes the list it loaded.
import Link from "next/link";
import { CalendarClock, KanbanSquare } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import type { LinkedCardJson } from "@/lib/validations/board";
import { swatch } from "@/components/board/colors";
import { PRIORITY_META, dueLabel } from "@/components/board/card-face";
import { dueStatus } from "@/components/board/filter-cards";
import { cn } from "@/lib/cn";

export function LinkedCards({ cards, now = new Date() }: { cards: LinkedCardJson[]; now?: Date }) {
  const today = now.toISOString().slice(0, 10);
  return (
    <Card data-testid="linked-cards">
      <CardHeader title="Cards" description="Board cards linked to this record." />
      {cards.length === 0 ? (
        <p className="flex items-center gap-2 px-6 py-5 text-sm text-muted-foreground">
          <KanbanSquare className="size-4" aria-hidden="true" />
          No open card on your boards is linked here. Link one from a card’s dialog.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {cards.map(({ card, boardName }) => {
            const status = card.dueAt ? dueStatus(card.dueAt, today) : null;
            const priority = card.priority === "none" ? null : PRIORITY_META[card.priority];
            return (
              <li key={card.id}>
                <Link
                  href={`/board/${card.boardId}?card=${card.id}`}
                  className="flex items-center gap-3 px-6 py-3 transition hover:bg-muted/40"
                >
                  <span
                    aria-hidden="true"
                    className={cn(
                      "h-8 w-1 shrink-0 rounded-full",
                      card.coverColor ? swatch(card.coverColor).solid : "bg-border",
                    )}
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-foreground">{card.title}</span>
                    <span className="block truncate text-xs text-muted-foreground">{boardName}</span>
                  </span>
                  {priority ? (
                    <span className={cn("text-xs font-medium", priority.className)}>{priority.label}</span>
                  ) : null}
                  {card.dueAt && status ? (
                    <span
                      className={cn(
                        "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium",
                        status === "overdue" ? "bg-danger-soft text-danger" : "bg-muted text-muted-foreground",
                      )}
                    >
                      <CalendarClock className="size-3.5" aria-hidden="true" />
                      {dueLabel(card.dueAt, today)}
                      {status === "overdue" ? <span className="sr-only"> (overdue)</span> : null}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
