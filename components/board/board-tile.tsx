// One board in the boards grid: its colour, name, description, how many members and open cards it
// has, the swimlanes mark and the caller's role. The whole tile is the link.
import Link from "next/link";
import { Rows3, SquareKanban, Users } from "lucide-react";
import type { BoardSummaryJson } from "@/lib/validations/board";
import { swatch } from "@/components/board/colors";
import { RoleBadge } from "@/components/board/role-badge";
import { cn } from "@/lib/cn";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function BoardTile({ board }: { board: BoardSummaryJson }) {
  return (
    <Link
      href={`/board/${board.id}`}
      data-testid="board-tile"
      className={cn(
        "group flex h-full flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-sm transition",
        "hover:-translate-y-0.5 hover:border-brand/40 hover:shadow-md focus-visible:outline-offset-4",
      )}
    >
      <span aria-hidden="true" className={cn("h-1.5 w-full", swatch(board.color).solid)} />
      <span className="flex flex-1 flex-col gap-2 p-5">
        <span className="flex items-start justify-between gap-3">
          <span className="min-w-0 text-base font-semibold text-foreground group-hover:text-brand">{board.name}</span>
          <RoleBadge role={board.role} className="shrink-0" />
        </span>
        <span className="line-clamp-2 min-h-10 text-sm text-muted-foreground">
          {board.description ?? <span className="italic opacity-80">No description</span>}
        </span>
        <span className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 pt-2 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1.5">
            <SquareKanban className="size-3.5" aria-hidden="true" />
            {plural(board.cardCount, "open card")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <Users className="size-3.5" aria-hidden="true" />
            {plural(board.memberCount, "member")}
          </span>
          {board.swimlanesEnabled ? (
            <span className="inline-flex items-center gap-1.5">
              <Rows3 className="size-3.5" aria-hidden="true" />
              Swimlanes
            </span>
          ) : null}
        </span>
      </span>
    </Link>
  );
}
