import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { SaleForm } from "@/components/transactions/sale-form";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "New sale" };

export default async function NewSalePage() {
  const viewer = await requirePagePermission("transactions.write");
  return (
    <>
      <PageHeader
        title="New sale"
        description="Find products by SKU or name; Enter adds the highlighted one. Totals update as you type."
        actions={
          <Link href="/records/transactions" className={buttonClasses("ghost", "md")}>
            <ArrowLeft className="size-4" aria-hidden="true" />
            Transactions
          </Link>
        }
      />
      <SaleForm canPickCustomer={can(viewer, "customers.read")} />
    </>
  );
}
