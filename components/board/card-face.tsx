// What a card shows on the board: its cover colour, labels, title, and a row of small facts: due
// date (red when overdue, amber today), priority, checklist progress, comments, the customer or
// transaction it is linked to, and who is on it. The same face is drawn in a column and as the
// clone that follows the pointer during a drag. `describedById` names the element holding the
// facts in words, for the card's accessible description. Its icons are CSS masks (card-icons.css),
// one element each rather than an inline SVG of several: a big board draws hundreds of cards, and
// every element is paid for in hydration and in each style recalculation of the page.
import "@/components/board/card-icons.css";
import { memo } from "react";
import type { BoardCardJson, CardPriority, LabelJson, MemberJson } from "@/lib/validations/board";
import { swatch } from "@/components/board/colors";
import { dueStatus } from "@/components/board/filter-cards";
import { MemberAvatar } from "@/components/board/member-avatar";
import { cn } from "@/lib/cn";

export const PRIORITY_META: Record<
  Exclude<CardPriority, "none">,
  { label: string; icon: string; className: string }
> = {
  urgent: { label: "Urgent", icon: "card-icon-priority-urgent", className: "text-red-600 dark:text-red-400" },
  high: { label: "High", icon: "card-icon-priority-high", className: "text-orange-600 dark:text-orange-400" },
  medium: { label: "Medium", icon: "card-icon-priority-medium", className: "text-amber-600 dark:text-amber-400" },
  low: { label: "Low", icon: "card-icon-priority-low", className: "text-sky-600 dark:text-sky-400" },
};

/** One of card-icons.css's icons (decorative: the card's facts are also given in words). */
function Icon({ name, className, title }: { name: string; className?: string; title?: string }) {
  return <span aria-hidden="true" title={title} className={cn("card-icon size-3.5", name, className)} />;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const yearFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "Today", "Tomorrow", "24 Dec", "3 Jan 2027": the due day (a calendar day, see filter-cards.ts). */
export function dueLabel(dueAt: string, today: string): string {
  const day = dueAt.slice(0, 10);
  if (day === today) return "Today";
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  if (day === tomorrow.toISOString().slice(0, 10)) return "Tomorrow";
  const date = new Date(dueAt);
  return day.slice(0, 4) === today.slice(0, 4) ? dayFormat.format(date) : yearFormat.format(date);
}

export type CardFaceMeta = {
  labels: ReadonlyMap<string, LabelJson>;
  members: ReadonlyMap<string, MemberJson>;
  today: string;
};

/** A card's labels in the board's order (by name), not in the order of their ids. */
function labelsOf(card: BoardCardJson, meta: CardFaceMeta): LabelJson[] {
  if (card.labelIds.length === 0) return [];
  return [...meta.labels.values()].filter((l) => card.labelIds.includes(l.id));
}

/** The card's facts in words, for screen readers ("Due today, overdue. Priority high. 2 of 5 done."). */
export function cardSummary(card: BoardCardJson, meta: CardFaceMeta): string {
  const parts: string[] = [];
  const labels = labelsOf(card, meta).map((l) => l.name);
  if (labels.length) parts.push(`Labels: ${labels.join(", ")}.`);
  if (card.dueAt) {
    const status = dueStatus(card.dueAt, meta.today);
    parts.push(`Due ${dueLabel(card.dueAt, meta.today)}${status === "overdue" ? ", overdue" : ""}.`);
  }
  if (card.priority !== "none") parts.push(`Priority ${PRIORITY_META[card.priority].label.toLowerCase()}.`);
  if (card.checklist.total) parts.push(`Checklist ${card.checklist.done} of ${card.checklist.total} done.`);
  if (card.commentCount) parts.push(`${card.commentCount} comment${card.commentCount === 1 ? "" : "s"}.`);
  if (card.customer) parts.push(`Customer ${card.customer.name}.`);
  if (card.transaction) parts.push(`Transaction #${card.transaction.number}.`);
  const people = card.assigneeIds.map((id) => meta.members.get(id)?.name).filter(Boolean);
  if (people.length) parts.push(`Assigned to ${people.join(", ")}.`);
  return parts.join(" ");
}

export const CardFace = memo(function CardFace({
  card,
  meta,
  describedById,
}: {
  card: BoardCardJson;
  meta: CardFaceMeta;
  describedById?: string;
}) {
  const labels = labelsOf(card, meta);
  const assignees = card.assigneeIds.map((id) => meta.members.get(id)).filter((m): m is MemberJson => Boolean(m));
  const status = card.dueAt ? dueStatus(card.dueAt, meta.today) : null;
  const priority = card.priority === "none" ? null : PRIORITY_META[card.priority];
  const done = card.checklist.total > 0 && card.checklist.done === card.checklist.total;
  const hasFacts =
    card.dueAt ||
    priority ||
    card.checklist.total ||
    card.commentCount ||
    card.hasDescription ||
    card.customer ||
    card.transaction ||
    assignees.length;
  return (
    <>
      {card.coverColor ? (
        <span
          aria-hidden="true"
          className={cn("-mx-3 -mt-2.5 mb-2 block h-2 rounded-t-[inherit]", swatch(card.coverColor).solid)}
        />
      ) : null}
      {labels.length ? (
        <span className="mb-1.5 flex flex-wrap gap-1" aria-hidden="true">
          {labels.map((l) => (
            <span
              key={l.id}
              className={cn(
                "max-w-full truncate rounded px-1.5 py-px text-[0.68rem] font-semibold leading-4 ring-1 ring-inset",
                swatch(l.color).chip,
              )}
            >
              {l.name}
            </span>
          ))}
        </span>
      ) : null}
      <span className="block break-words text-sm font-medium leading-snug text-foreground">{card.title}</span>
      {hasFacts ? (
        <span
          className="mt-2 flex flex-wrap items-center gap-x-2.5 gap-y-1.5 text-xs text-muted-foreground"
          aria-hidden="true"
        >
          {priority ? (
            <Icon name={priority.icon} className={priority.className} title={`Priority: ${priority.label}`} />
          ) : null}
          {card.dueAt && status ? (
            <span
              className={cn(
                "inline-flex items-center gap-1 rounded px-1 py-px font-medium",
                status === "overdue" && "bg-danger-soft text-danger",
                status === "today" && "bg-warning-soft text-warning",
              )}
              title={status === "overdue" ? "Overdue" : "Due date"}
            >
              <Icon name="card-icon-due" />
              {dueLabel(card.dueAt, meta.today)}
            </span>
          ) : null}
          {card.hasDescription ? <Icon name="card-icon-description" title="Has a description" /> : null}
          {card.checklist.total ? (
            <span
              className={cn(
                "inline-flex items-center gap-1 tabular-nums",
                done && "rounded bg-success-soft px-1 py-px font-medium text-success",
              )}
              title="Checklist"
            >
              <Icon name="card-icon-checklist" />
              {card.checklist.done}/{card.checklist.total}
            </span>
          ) : null}
          {card.commentCount ? (
            <span className="inline-flex items-center gap-1 tabular-nums" title="Comments">
              <Icon name="card-icon-comments" />
              {card.commentCount}
            </span>
          ) : null}
          {card.customer ? (
            <span
              className="inline-flex min-w-0 max-w-[10rem] items-center gap-1 rounded bg-muted px-1 py-px dark:bg-background/50"
              title="Customer"
            >
              <Icon name="card-icon-customer" />
              <span className="truncate">{card.customer.name}</span>
            </span>
          ) : null}
          {card.transaction ? (
            <span
              className="inline-flex items-center gap-1 rounded bg-muted px-1 py-px dark:bg-background/50 tabular-nums"
              title="Transaction"
            >
              <Icon name="card-icon-transaction" />#{card.transaction.number}
            </span>
          ) : null}
          {assignees.length ? (
            <span className="ml-auto flex -space-x-1.5">
              {assignees.slice(0, 3).map((m) => (
                <MemberAvatar key={m.userId} userId={m.userId} name={m.name} size="xs" decorative />
              ))}
              {assignees.length > 3 ? (
                <span className="inline-flex size-5 items-center justify-center rounded-full bg-muted text-[0.6rem] font-semibold ring-2 ring-surface">
                  +{assignees.length - 3}
                </span>
              ) : null}
            </span>
          ) : null}
        </span>
      ) : null}
      {describedById ? (
        <span id={describedById} className="sr-only">
          {cardSummary(card, meta)}
        </span>
      ) : null}
    </>
  );
});
