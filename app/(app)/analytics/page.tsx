import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requirePagePermission("analytics.read");
  return (
    <UpcomingSection
      title="Analytics"
      description="Trends across your records."
      icon={BarChart3}
      what="Charts and reports arrive in a coming release."
    />
  );
}
