import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { ForbiddenState } from "@/components/layout/forbidden-state";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const viewer = await requirePageViewer();
  if (!can(viewer, "analytics.read")) return <ForbiddenState />;
  return (
    <UpcomingSection
      title="Analytics"
      description="Trends across your records."
      icon={BarChart3}
      what="Charts and reports arrive in a coming release."
    />
  );
}
