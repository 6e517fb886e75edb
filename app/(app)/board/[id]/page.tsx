import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { preload } from "react-dom";
import { boardReadUrl } from "@/components/board/board-read-url";
import { BoardView } from "@/components/board/board-view";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { canEditBoard } from "@/lib/data/boards/board-access";
import { getBoardForPage } from "@/lib/data/boards/get-board";
import { listBoards } from "@/lib/data/boards/list-boards";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import type { BoardJson } from "@/lib/validations/board";

type Props = { params: Promise<{ id: string }> };

/**
 * Up to this many open cards travel inside the page; a bigger board's page carries its columns,
 * lanes, labels and members only, and the browser reads the (lean) cards right after the first
 * paint, so the page is interactive at once instead of after parsing megabytes (npm run bench:board).
 */
const INLINE_CARDS = 200;

// Awaited before anything renders (no loading.tsx in this segment), so a board one may not see
// answers HTTP 404, like one that does not exist.
const loadBoard = cache(async (id: string): Promise<{ viewer: Viewer; board: BoardJson; cardsDeferred: boolean }> => {
  const viewer = await requirePagePermission("board.read");
  try {
    return { viewer, ...(await getBoardForPage(viewer, id, INLINE_CARDS)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadBoard((await params).id).catch(() => null);
  return { title: loaded ? `${loaded.board.name} · Boards` : "Board" };
}

export default async function BoardPage({ params }: Props) {
  const { viewer, board, cardsDeferred } = await loadBoard((await params).id);
  // The browser starts reading the cards while the page's code loads (board-view.tsx fetches the same URL).
  if (cardsDeferred) preload(boardReadUrl(board.id), { as: "fetch", crossOrigin: "anonymous" });
  const canEdit = canEditBoard(viewer, board.role) && board.archivedAt === null;
  const isOwner = board.role === "owner" || board.role === "manager";
  // Boards a card can be moved to: open ones the viewer edits.
  const editableBoards = canEdit
    ? (await listBoards(viewer))
        .filter((b) => b.id !== board.id && canEditBoard(viewer, b.role))
        .map((b) => ({ id: b.id, name: b.name }))
    : [];
  return (
    // The board uses the whole width of the page, past the content column's usual 72rem.
    <div className="xl:-mx-[max(0px,calc((100vw_-_16rem_-_4rem_-_72rem)/2_-_0.5rem))]">
      <BoardView
        board={board}
        cardsDeferred={cardsDeferred}
        me={{ userId: viewer.userId, name: `${viewer.firstName} ${viewer.lastName}`.trim() || viewer.username }}
        canEdit={canEdit}
        isOwner={isOwner}
        editableBoards={editableBoards}
        links={{ customers: can(viewer, "customers.read"), transactions: can(viewer, "transactions.read") }}
        today={new Date().toISOString().slice(0, 10)}
      />
    </div>
  );
}
