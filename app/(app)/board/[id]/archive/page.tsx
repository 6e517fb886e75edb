import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { ArchivedCards } from "@/components/board/archived-cards";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { canEditBoard } from "@/lib/data/boards/board-access";
import { getBoard } from "@/lib/data/boards/get-board";
import { listBoardCards } from "@/lib/data/boards/list-board-cards";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Archived cards" };

// The board's archived cards, newest archived first: editors restore a card (to where it was, if
// its column has room) or delete it for good.
export default async function BoardArchivePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePagePermission("board.read");
  const { id } = await params;
  const [board, cards] = await Promise.all([
    getBoard(viewer, id),
    listBoardCards(viewer, id, { archived: "true" }),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const canEdit = canEditBoard(viewer, board.role) && board.archivedAt === null;
  return (
    <div className="space-y-2">
      <Link
        href={`/board/${board.id}`}
        className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Back to {board.name}
      </Link>
      <PageHeader
        title="Archived cards"
        description={`Cards taken off ${board.name}. Restoring one puts it back where it was.`}
      />
      <ArchivedCards
        boardId={board.id}
        cards={cards}
        columns={board.columns.map((c) => ({ id: c.id, name: c.name }))}
        canEdit={canEdit}
        now={new Date().toISOString()}
      />
    </div>
  );
}
