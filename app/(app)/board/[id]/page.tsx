import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BoardView } from "@/components/board/board-view";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { canEditBoard } from "@/lib/data/boards/board-access";
import { getBoardForPage } from "@/lib/data/boards/get-board";
import type { BoardCardCounts } from "@/lib/data/boards/read-board-cards";
import { listBoards } from "@/lib/data/boards/list-boards";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import type { BoardJson } from "@/lib/validations/board";

type Props = { params: Promise<{ id: string }> };

/**
 * Up to this many open cards travel inside the page; a bigger board's page carries its columns,
 * lanes, labels and members and the first HEADS_PER_LIST cards of each list (a screenful and a
 * little more), drawn by the server, and the browser reads all the (lean) cards once the page has
 * hydrated, so it shows cards and is interactive at once instead of after megabytes (npm run bench:board).
 */
const INLINE_CARDS = 200;
const HEADS_PER_LIST = 12;

// Awaited before anything renders (no loading.tsx in this segment), so a board one may not see
// answers HTTP 404, like one that does not exist.
const loadBoard = cache(
  async (
    id: string,
  ): Promise<{
    viewer: Viewer;
    board: BoardJson;
    cardsDeferred: boolean;
    counts: BoardCardCounts | null;
  }> => {
    const viewer = await requirePagePermission("board.read");
    try {
      return { viewer, ...(await getBoardForPage(viewer, id, INLINE_CARDS, HEADS_PER_LIST)) };
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  },
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadBoard((await params).id).catch(() => null);
  return { title: loaded ? `${loaded.board.name} · Boards` : "Board" };
}

export default async function BoardPage({ params }: Props) {
  const { viewer, board, cardsDeferred, counts } = await loadBoard((await params).id);
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
        cardCounts={counts}
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
