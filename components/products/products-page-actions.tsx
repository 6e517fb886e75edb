"use client";
// The products page's header buttons (components/ui/data-table/table-page-actions.tsx).
import { TablePageActions } from "@/components/ui/data-table/table-page-actions";
import { ProductFormDialog } from "@/components/products/product-form-dialog";
import { ProductImportDialog } from "@/components/products/product-import-dialog";

export function ProductsPageActions({ exportHref, canWrite }: { exportHref: string; canWrite: boolean }) {
  return (
    <TablePageActions
      exportHref={exportHref}
      canWrite={canWrite}
      newLabel="New product"
      newDialog={(open, onOpenChange) => <ProductFormDialog open={open} onOpenChange={onOpenChange} product={null} />}
      importDialog={(open, onOpenChange) => <ProductImportDialog open={open} onOpenChange={onOpenChange} />}
    />
  );
}
