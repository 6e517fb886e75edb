import type { Metadata } from "next";
import { KanbanSquare } from "lucide-react";
import { BoardTile } from "@/components/board/board-tile";
import { ArchivedBoards } from "@/components/board/archived-boards";
import { NewBoardDialog } from "@/components/board/new-board-dialog";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listBoards } from "@/lib/data/boards/list-boards";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Boards" };

export default async function BoardsPage() {
  const viewer = await requirePagePermission("board.read");
  const [boards, archived] = await Promise.all([listBoards(viewer), listBoards(viewer, { archived: true })]);
  const canCreate = can(viewer, "board.write");
  return (
    <>
      <PageHeader
        title="Boards"
        description="Plan and track work on Kanban boards: cards move through columns as work gets done."
        actions={canCreate && boards.length ? <NewBoardDialog /> : null}
      />
      {boards.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Your boards">
          {boards.map((b) => (
            <li key={b.id}>
              <BoardTile board={b} />
            </li>
          ))}
        </ul>
      ) : (
        <Card>
          <EmptyState
            icon={KanbanSquare}
            title={canCreate ? "No boards yet" : "You are not on any board yet"}
            description={
              canCreate
                ? "A board holds columns such as To do, Doing and Done; each task is a card you move across them. Create one and invite your team."
                : "Boards appear here once an owner adds you. Ask someone who runs a board to add you as a member."
            }
            action={canCreate ? <NewBoardDialog label="Create your first board" /> : null}
          />
        </Card>
      )}
      {archived.length ? <ArchivedBoards boards={archived} /> : null}
    </>
  );
}
