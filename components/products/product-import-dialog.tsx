"use client";
// Products from a CSV file: the shared two-step import (components/ui/csv-import-dialog.tsx) with
// the products' checks (lib/data/products/import-products.ts: a separate preview action).
import { CsvImportDialog, orDash, type CsvPreview } from "@/components/ui/csv-import-dialog";
import { importProductsAction } from "@/lib/actions/products/import-products";
import { previewProductImportAction } from "@/lib/actions/products/preview-product-import";
import type { ProductImportPreview } from "@/lib/data/products/import-products";
import { formatMoney } from "@/lib/money";
import { PRODUCT_CSV_COLUMNS, PRODUCT_IMPORT_MAX_ROWS } from "@/lib/validations/product";

const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${PRODUCT_CSV_COLUMNS.join(",")}\r\nTEA-GREEN-50,Green tea 50 g,Sencha,4.50,2.10,USD,8.25,24,5,yes\r\n`,
)}`;

type Row = ProductImportPreview["rows"][number];

const check = async (csv: string): Promise<{ preview: CsvPreview<Row> } | { error: string }> => {
  const result = await previewProductImportAction({ csv });
  return result.ok ? { preview: result.data } : { error: result.error };
};

export function ProductImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <CsvImportDialog<Row>
      open={open}
      onOpenChange={onOpenChange}
      title="Import products from CSV"
      noun={{ one: "product", many: "products" }}
      help={
        <>
          A header row with <span className="font-mono text-xs">sku, name, unit_price, currency</span> and any of{" "}
          <span className="font-mono text-xs">
            description, unit_cost, tax_rate_percent, stock, low_stock_threshold, active
          </span>
          . Prices as in a shop (<span className="font-mono text-xs">12.50</span>), tax in percent. Up to{" "}
          {PRODUCT_IMPORT_MAX_ROWS.toLocaleString("en")} rows; existing SKUs are not changed.{" "}
          <a href={TEMPLATE} download="products-template.csv" className="text-brand underline-offset-2 hover:underline">
            Download a template
          </a>
          .
        </>
      }
      check={check}
      commit={async (csv) => {
        const result = await importProductsAction({ csv });
        if (result.ok) return { created: result.data.created };
        // Something changed since the preview (a SKU taken meanwhile): check again to show which row.
        if (result.code === "validation_failed" || result.code === "conflict") {
          const again = await check(csv);
          if ("preview" in again) return { preview: again.preview, error: result.error };
        }
        return { error: result.error };
      }}
      columns={[
        { header: "SKU", className: "font-mono text-xs", cell: (r) => orDash(r.sku) },
        { header: "Name", className: "max-w-48 truncate", cell: (r) => orDash(r.name) },
        {
          header: "Price",
          headerClassName: "text-right",
          className: "whitespace-nowrap text-right tabular-nums",
          cell: (r) => (r.product ? formatMoney(r.product.unitPrice, r.product.currency) : "—"),
        },
        {
          header: "Stock",
          headerClassName: "text-right",
          className: "text-right tabular-nums",
          cell: (r) => (r.product ? r.product.stock : "—"),
        },
      ]}
    />
  );
}
