"use client";
// The archive view of a board: its archived cards, newest archived first, each with when it was
// archived and the column it left. Editors restore a card (back to its place, unless the column
// is at a hard limit) or delete it for good after a confirmation.
import { Archive, ArchiveRestore, Search, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { deleteCardAction } from "@/lib/actions/boards/delete-card";
import { setCardArchivedAction } from "@/lib/actions/boards/set-card-archived";
import type { CardJson } from "@/lib/validations/board";
import { formatDateTime, formatRelative } from "@/lib/format";
import { swatch } from "@/components/board/colors";
import { toast, toastWarnings } from "@/components/board/board-toast";
import { cn } from "@/lib/cn";

export function ArchivedCards({
  boardId,
  cards,
  columns,
  canEdit,
  now,
}: {
  boardId: string;
  cards: CardJson[];
  columns: { id: string; name: string }[];
  canEdit: boolean;
  now: string;
}) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CardJson | null>(null);
  const [gone, setGone] = useState<Set<string>>(new Set());
  const columnName = (id: string) => columns.find((c) => c.id === id)?.name ?? "a deleted column";
  const shown = cards.filter((c) => !gone.has(c.id) && c.title.toLowerCase().includes(q.trim().toLowerCase()));

  const restore = async (card: CardJson) => {
    setBusy(card.id);
    const result = await setCardArchivedAction(boardId, card.id, false);
    setBusy(null);
    if (!result.ok) return toast.error(result.error);
    setGone((s) => new Set(s).add(card.id));
    toast.success(`Restored “${card.title}” to ${columnName(card.columnId)}.`);
    toastWarnings(result.data.warnings);
    router.refresh();
  };

  if (cards.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={Archive}
          title="No archived cards"
          description="Archiving a card (its menu, or A on a focused card) takes it off the board without losing it. It waits here until restored."
        />
      </Card>
    );
  }

  return (
    <Card className="overflow-hidden">
      <div className="border-b border-border px-5 py-3">
        <div className="relative max-w-sm">
          <label htmlFor="archive-search" className="sr-only">
            Search archived cards
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="archive-search"
            type="search"
            className="h-9 pl-9"
            placeholder="Search archived cards"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </div>
      <ul className="divide-y divide-border" data-testid="archived-cards">
        {shown.map((card) => (
          <li key={card.id} className="flex flex-wrap items-center gap-3 px-5 py-3" data-testid="archived-card">
            <span
              aria-hidden="true"
              className={cn(
                "h-8 w-1 shrink-0 rounded-full",
                card.coverColor ? swatch(card.coverColor).solid : "bg-border",
              )}
            />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-foreground">{card.title}</p>
              <p className="text-xs text-muted-foreground">
                From {columnName(card.columnId)}
                {card.archivedAt ? (
                  <>
                    {" · archived "}
                    <time dateTime={card.archivedAt} title={formatDateTime(new Date(card.archivedAt))}>
                      {formatRelative(new Date(card.archivedAt), new Date(now))}
                    </time>
                  </>
                ) : null}
              </p>
            </div>
            {canEdit ? (
              <div className="flex gap-2">
                <Button variant="secondary" size="sm" loading={busy === card.id} onClick={() => void restore(card)}>
                  <ArchiveRestore className="size-4" aria-hidden="true" />
                  Restore<span className="sr-only"> {card.title}</span>
                </Button>
                <Button variant="ghost" size="sm" className="text-danger" onClick={() => setDeleting(card)}>
                  <Trash2 className="size-4" aria-hidden="true" />
                  Delete<span className="sr-only"> {card.title}</span>
                </Button>
              </div>
            ) : null}
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="px-5 py-8 text-center text-sm text-muted-foreground">No archived card matches.</li>
        ) : null}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={deleting ? `Delete “${deleting.title}”?` : "Delete the card?"}
        description="The card, its checklist and its comments are deleted for good. This cannot be undone."
        confirmLabel="Delete card"
        variant="danger"
        onConfirm={async () => {
          if (!deleting) return;
          const result = await deleteCardAction(boardId, deleting.id);
          if (!result.ok) return { ok: false, error: result.error };
          setGone((s) => new Set(s).add(deleting.id));
          toast.success(`Deleted “${deleting.title}”.`);
          router.refresh();
          return { ok: true };
        }}
      />
    </Card>
  );
}
