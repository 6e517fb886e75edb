"use client";
// The customers page's header buttons: export the current filter as CSV (a plain link to the
// streamed export, so the browser downloads it), and for customers.write a new customer and a
// CSV import, each in a dialog.
import { Download, Plus, Upload } from "lucide-react";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { CustomerFormDialog } from "@/components/customers/customer-form-dialog";
import { CustomerImportDialog } from "@/components/customers/customer-import-dialog";

export function CustomersPageActions({ exportHref, canWrite }: { exportHref: string; canWrite: boolean }) {
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
            New customer
          </Button>
          <CustomerFormDialog open={creating} onOpenChange={setCreating} customer={null} />
          <CustomerImportDialog open={importing} onOpenChange={setImporting} />
        </>
      ) : null}
    </div>
  );
}
