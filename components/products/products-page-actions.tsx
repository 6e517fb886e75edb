"use client";
// The products page's header buttons: export the current filter as CSV (a plain link to the
// streamed export, so the browser downloads it), and for products.write a new product and a CSV
// import, each in a dialog.
import { Download, Plus, Upload } from "lucide-react";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ProductFormDialog } from "@/components/products/product-form-dialog";
import { ProductImportDialog } from "@/components/products/product-import-dialog";

export function ProductsPageActions({ exportHref, canWrite }: { exportHref: string; canWrite: boolean }) {
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <div className="flex flex-wrap gap-2 lg:flex-nowrap">
      <a href={exportHref} download className={buttonClasses("secondary", "md")} data-testid="export-csv">
        <Download className="size-4" aria-hidden="true" />
        Export CSV
      </a>
      {canWrite ? (
        <>
          <Button variant="secondary" onClick={() => setImporting(true)}>
            <Upload className="size-4" aria-hidden="true" />
            Import CSV
          </Button>
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden="true" />
            New product
          </Button>
          <ProductFormDialog open={creating} onOpenChange={setCreating} product={null} />
          <ProductImportDialog open={importing} onOpenChange={setImporting} />
        </>
      ) : null}
    </div>
  );
}
