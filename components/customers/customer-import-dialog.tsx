"use client";
// Customers from a CSV file: the shared two-step import (components/ui/csv-import-dialog.tsx) with
// the customers' checks (lib/data/customers/import-customers.ts: a preview is a dry run).
import { CsvImportDialog, orDash, type CsvPreview } from "@/components/ui/csv-import-dialog";
import { importCustomersAction } from "@/lib/actions/customers/import-customers";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import-limits";
import type { CustomerImportPreviewRow, CustomerImportResult } from "@/lib/data/customers/import-customers";
import { CUSTOMER_CSV_COLUMNS } from "@/lib/validations/customer";

const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${CUSTOMER_CSV_COLUMNS.join(",")}\r\nAda Lovelace,ada@example.com,+44 20 7946 0958,"12 St James's Square, London",Prefers email,vip; newsletter\r\n`,
)}`;

const previewOf = (r: CustomerImportResult): CsvPreview<CustomerImportPreviewRow> => ({
  total: r.rowCount,
  fileErrors: r.fileErrors,
  errors: r.errors,
  ignoredColumns: r.ignoredColumns,
  rows: r.preview,
});

export function CustomerImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <CsvImportDialog<CustomerImportPreviewRow>
      open={open}
      onOpenChange={onOpenChange}
      title="Import customers from CSV"
      noun={{ one: "customer", many: "customers" }}
      help={
        <>
          A header row with <span className="font-mono text-xs">name</span> and any of{" "}
          <span className="font-mono text-xs">{CUSTOMER_CSV_COLUMNS.slice(1).join(", ")}</span>; tags separated by{" "}
          <span className="font-mono text-xs">;</span>. Up to {CSV_IMPORT_LIMITS.maxRows.toLocaleString("en")} rows.{" "}
          <a
            href={TEMPLATE}
            download="customers-template.csv"
            className="text-brand underline-offset-2 hover:underline"
          >
            Download a template
          </a>
          .
        </>
      }
      check={async (csv) => {
        const result = await importCustomersAction({ csv, dryRun: true });
        return result.ok ? { preview: previewOf(result.data) } : { error: result.error };
      }}
      commit={async (csv) => {
        const result = await importCustomersAction({ csv, dryRun: false });
        if (!result.ok) return { error: result.error };
        return result.data.committed ? { created: result.data.created } : { preview: previewOf(result.data) };
      }}
      columns={[
        { header: "Name", cell: (r) => orDash(r.name) },
        { header: "Email", className: "max-w-48 truncate", cell: (r) => orDash(r.email) },
        { header: "Tags", className: "max-w-32 truncate", cell: (r) => r.tags },
      ]}
    />
  );
}
