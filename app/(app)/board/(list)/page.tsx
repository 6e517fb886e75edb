import type { Metadata } from "next";
import { KanbanSquare } from "lucide-react";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage() {
  await requirePagePermission("board.read");
  return (
    <UpcomingSection
      title="Board"
      description="Plan and track work on Kanban boards."
      icon={KanbanSquare}
      what="Kanban boards with columns, cards and live updates arrive in a coming release."
    />
  );
}
