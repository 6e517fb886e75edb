"use client";
// The customers page's header buttons (components/ui/data-table/table-page-actions.tsx).
import { TablePageActions } from "@/components/ui/data-table/table-page-actions";
import { CustomerFormDialog } from "@/components/customers/customer-form-dialog";
import { CustomerImportDialog } from "@/components/customers/customer-import-dialog";

export function CustomersPageActions({ exportHref, canWrite }: { exportHref: string; canWrite: boolean }) {
  return (
    <TablePageActions
      exportHref={exportHref}
      canWrite={canWrite}
      newLabel="New customer"
      newDialog={(open, onOpenChange) => <CustomerFormDialog open={open} onOpenChange={onOpenChange} customer={null} />}
      importDialog={(open, onOpenChange) => <CustomerImportDialog open={open} onOpenChange={onOpenChange} />}
    />
  );
}
