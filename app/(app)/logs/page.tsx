import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { ForbiddenState } from "@/components/layout/forbidden-state";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Logs" };

export default async function LogsPage() {
  const viewer = await requirePageViewer();
  if (!can(viewer, "audit.read")) return <ForbiddenState />;
  return (
    <UpcomingSection
      title="Logs"
      description="The organisation's tamper-evident activity log."
      icon={ScrollText}
      what="A searchable view of the audit trail arrives in a coming release. Events are already being recorded."
    />
  );
}
