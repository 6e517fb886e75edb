"use client";
// The archived boards, folded away under the open ones: their owners (and board.manage) restore
// them here, or delete one for good after a confirmation. Others see them listed, read-only.
import { Archive, ArchiveRestore, ChevronRight, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { swatch } from "@/components/board/colors";
import { RoleBadge } from "@/components/board/role-badge";
import { deleteBoardAction } from "@/lib/actions/boards/delete-board";
import { setBoardArchivedAction } from "@/lib/actions/boards/set-board-archived";
import type { BoardSummaryJson } from "@/lib/validations/board";
import { cn } from "@/lib/cn";

function ArchivedBoardRow({ board }: { board: BoardSummaryJson }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const owner = board.role === "owner" || board.role === "manager";
  const restore = async () => {
    setBusy(true);
    const result = await setBoardArchivedAction(board.id, false);
    setBusy(false);
    if (!result.ok) return toast.error(result.error);
    toast.success(`Restored ${board.name}.`);
    router.refresh();
  };
  return (
    <li className="flex flex-wrap items-center gap-3 px-5 py-3" data-testid="archived-board">
      <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", swatch(board.color).solid)} />
      <Link href={`/board/${board.id}`} className="min-w-0 flex-1 truncate text-sm font-medium hover:text-brand">
        {board.name}
      </Link>
      <RoleBadge role={board.role} />
      {owner ? (
        <span className="flex gap-2">
          <Button variant="secondary" size="sm" loading={busy} onClick={() => void restore()}>
            <ArchiveRestore className="size-4" aria-hidden="true" />
            Restore<span className="sr-only"> {board.name}</span>
          </Button>
          <Button variant="ghost" size="sm" className="text-danger" onClick={() => setDeleting(true)}>
            <Trash2 className="size-4" aria-hidden="true" />
            Delete<span className="sr-only"> {board.name}</span>
          </Button>
          <ConfirmDialog
            open={deleting}
            onOpenChange={setDeleting}
            title={`Delete ${board.name}?`}
            description="Its columns, cards, comments and history are deleted for good. This cannot be undone."
            confirmLabel="Delete board"
            variant="danger"
            input={{ label: `Type the board's name to confirm`, placeholder: board.name }}
            onConfirm={async (typed) => {
              if (typed !== board.name) return { ok: false, error: "Type the board's name exactly as shown." };
              const result = await deleteBoardAction(board.id);
              if (!result.ok) return { ok: false, error: result.error };
              toast.success(`Deleted ${board.name}.`);
              router.refresh();
              return { ok: true };
            }}
          />
        </span>
      ) : null}
    </li>
  );
}

export function ArchivedBoards({ boards }: { boards: BoardSummaryJson[] }) {
  return (
    <details className="group mt-10 rounded-xl border border-border bg-surface shadow-sm" data-testid="archived-boards">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-4 text-sm font-medium text-foreground [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 transition group-open:rotate-90" aria-hidden="true" />
        <Archive className="size-4 text-muted-foreground" aria-hidden="true" />
        Archived boards
        <span className="rounded-full bg-muted px-2 py-0.5 text-xs text-muted-foreground">{boards.length}</span>
      </summary>
      <ul className="divide-y divide-border border-t border-border">
        {boards.map((b) => (
          <ArchivedBoardRow key={b.id} board={b} />
        ))}
      </ul>
    </details>
  );
}
