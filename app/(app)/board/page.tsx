import type { Metadata } from "next";
import { KanbanSquare } from "lucide-react";
import { ForbiddenState } from "@/components/layout/forbidden-state";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage() {
  const viewer = await requirePageViewer();
  if (!can(viewer, "board.read")) return <ForbiddenState />;
  return (
    <UpcomingSection
      title="Board"
      description="Plan and track work on Kanban boards."
      icon={KanbanSquare}
      what="Kanban boards with columns, cards and live updates arrive in a coming release."
    />
  );
}
