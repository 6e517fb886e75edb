import type { Metadata } from "next";
import { Table2 } from "lucide-react";
import { ForbiddenState } from "@/components/layout/forbidden-state";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Records" };

export default async function RecordsPage() {
  const viewer = await requirePageViewer();
  if (
    !(
      can(viewer, "customers.read") ||
      can(viewer, "staff.read") ||
      can(viewer, "products.read") ||
      can(viewer, "transactions.read")
    )
  )
    return <ForbiddenState />;
  return (
    <UpcomingSection
      title="Records"
      description="Customers, staff, products and transactions."
      icon={Table2}
      what="Business records with search, filters and exports arrive in a coming release."
    />
  );
}
