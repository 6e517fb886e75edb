"use client";
// A records page's header buttons: export the current filter as CSV (a plain link to the streamed
// export, so the browser downloads it), and for those who may write, a CSV import and a new record,
// each in a dialog the page supplies (components/customers, components/products).
import { Download, Plus, Upload } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

type DialogSlot = (open: boolean, onOpenChange: (open: boolean) => void) => ReactNode;

export function TablePageActions({
  exportHref,
  canWrite,
  newLabel,
  newDialog,
  importDialog,
}: {
  exportHref: string;
  canWrite: boolean;
  /** "New customer". */
  newLabel: string;
  newDialog: DialogSlot;
  importDialog: DialogSlot;
}) {
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
            {newLabel}
          </Button>
          {newDialog(creating, setCreating)}
          {importDialog(importing, setImporting)}
        </>
      ) : null}
    </div>
  );
}
