import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

export const metadata: Metadata = { title: "Logs" };

export default async function LogsPage() {
  await requirePagePermission("audit.read");
  return (
    <UpcomingSection
      title="Logs"
      description="The organisation's tamper-evident activity log."
      icon={ScrollText}
      what="A searchable view of the audit trail arrives in a coming release. Events are already being recorded."
    />
  );
}
