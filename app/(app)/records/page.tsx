import type { Metadata } from "next";
import { Table2 } from "lucide-react";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

export const metadata: Metadata = { title: "Records" };

export default async function RecordsPage() {
  await requirePagePermission("customers.read", "staff.read", "products.read", "transactions.read");
  return (
    <UpcomingSection
      title="Records"
      description="Customers, staff, products and transactions."
      icon={Table2}
      what="Business records with search, filters and exports arrive in a coming release."
    />
  );
}
