"use client";
// The head of a board: its colour and name, the viewer's role ("View only" for viewers, whose
// controls are all gone), whether it is archived, who is on it, whether live updates flow, and
// the ways out: the archive of cards, the keyboard shortcuts, the board's settings.
import { Archive, ArrowLeft, Keyboard, Settings } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import type { BoardJson } from "@/lib/validations/board";
import { swatch } from "@/components/board/colors";
import { LiveStatusDot, type LiveStatus } from "@/components/board/live-status";
import { MemberStack } from "@/components/board/member-avatar";
import { RoleBadge } from "@/components/board/role-badge";
import { cn } from "@/lib/cn";

export function BoardHeader({
  board,
  canEdit,
  isOwner,
  live,
  onShortcuts,
  onSettings,
}: {
  board: BoardJson;
  canEdit: boolean;
  isOwner: boolean;
  live: LiveStatus;
  onShortcuts: () => void;
  onSettings: () => void;
}) {
  return (
    <div className="space-y-3">
      <Link
        href="/board"
        className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All boards
      </Link>
      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
        <div className="flex min-w-0 items-center gap-3">
          <span aria-hidden="true" className={cn("size-3.5 shrink-0 rounded-full", swatch(board.color).solid)} />
          <h1 className="min-w-0 truncate text-2xl font-semibold tracking-tight text-foreground" title={board.name}>
            {board.name}
          </h1>
          <RoleBadge role={board.role} />
          {board.role !== "viewer" && !canEdit && !board.archivedAt ? (
            <Badge tone="neutral" data-testid="view-only">
              View only
            </Badge>
          ) : null}
          {board.archivedAt ? (
            <Badge tone="warning" dot>
              Archived
            </Badge>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LiveStatusDot status={live} />
          <span className="hidden sm:inline-flex" aria-label={`${board.members.length} members`}>
            <MemberStack members={board.members} max={5} />
          </span>
          <Link href={`/board/${board.id}/archive`} className={buttonClasses("secondary", "sm")}>
            <Archive className="size-4" aria-hidden="true" />
            Archive
          </Link>
          <Button variant="secondary" size="sm" onClick={onShortcuts} aria-keyshortcuts="?">
            <Keyboard className="size-4" aria-hidden="true" />
            <span className="sr-only sm:not-sr-only">Shortcuts</span>
          </Button>
          {canEdit || isOwner ? (
            <Button variant="secondary" size="sm" onClick={onSettings}>
              <Settings className="size-4" aria-hidden="true" />
              Settings
            </Button>
          ) : null}
        </div>
      </div>
      {board.description ? <p className="max-w-3xl text-sm text-muted-foreground">{board.description}</p> : null}
      {board.archivedAt ? (
        <p className="rounded-lg border border-warning/30 bg-warning-soft px-4 py-2.5 text-sm text-foreground">
          This board is archived and read-only.{" "}
          {isOwner ? "Restore it from its settings or from the boards list to change it again." : ""}
        </p>
      ) : null}
    </div>
  );
}
