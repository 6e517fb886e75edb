"use client";
// CSV import in two steps: choose a file → preview (every row as it would be created, problems
// named by row and column; nothing written yet) → import every row in one go. A file with any
// problem imports nothing: fix it and choose it again. The preview and the commit run the same
// checks on the server (lib/data/products/import-products.ts).
import { FileUp, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { importProductsAction } from "@/lib/actions/products/import-products";
import { previewProductImportAction } from "@/lib/actions/products/preview-product-import";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import-limits";
import type { ProductImportPreview } from "@/lib/data/products/import-products";
import { formatMoney } from "@/lib/money";
import { PRODUCT_CSV_COLUMNS, PRODUCT_IMPORT_MAX_ROWS } from "@/lib/validations/product";

const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${PRODUCT_CSV_COLUMNS.join(",")}\r\nTEA-GREEN-50,Green tea 50 g,Sencha,4.50,2.10,USD,8.25,24,5,yes\r\n`,
)}`;

const SHOWN_ROWS = 200;

type Step = { file: { name: string; csv: string }; preview: ProductImportPreview } | null;

export function ProductImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>(null);
  const [pending, setPending] = useState<"preview" | "commit" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStep(null);
    setError(null);
    if (input.current) input.current.value = "";
  };

  const check = async (name: string, csv: string) => {
    setPending("preview");
    const result = await previewProductImportAction({ csv });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStep({ file: { name, csv }, preview: result.data });
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    setStep(null);
    if (file.size > CSV_IMPORT_LIMITS.maxBytes) {
      setError(`${file.name} is larger than ${CSV_IMPORT_LIMITS.maxBytes / 1024} kB. Split it into smaller files.`);
      return;
    }
    await check(file.name, await file.text());
  };

  const commit = async () => {
    if (!step) return;
    setPending("commit");
    const result = await importProductsAction({ csv: step.file.csv });
    setPending(null);
    if (!result.ok) {
      // Something changed since the preview (a SKU taken meanwhile): check again to show which row.
      if (result.code === "validation_failed" || result.code === "conflict") await check(step.file.name, step.file.csv);
      setError(result.error);
      return;
    }
    toast.success(`Imported ${result.data.created} product${result.data.created === 1 ? "" : "s"}.`);
    onOpenChange(false);
    reset();
    router.refresh();
  };

  const preview = step?.preview;
  const ready = preview?.ok && preview.total > 0;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent
        title="Import products from CSV"
        description="Nothing is saved until you confirm, and a file with any problem imports nothing."
        size="lg"
      >
        <div className="space-y-4">
          <div className="rounded-lg border border-dashed border-border p-4">
            <label htmlFor={`${id}-file`} className="text-sm font-medium text-foreground">
              CSV file
            </label>
            <p className="mt-1 text-sm text-muted-foreground">
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
            </p>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              onChange={choose}
              disabled={pending !== null}
              className="mt-3 block w-full text-sm text-muted-foreground file:mr-3 file:rounded-lg file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground hover:file:bg-muted"
            />
          </div>
          {pending === "preview" ? (
            <p className="text-sm text-muted-foreground" role="status">
              Checking the file…
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
          {preview && step ? <ImportPreview name={step.file.name} preview={preview} /> : null}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending !== null}>
              Cancel
            </Button>
          </DialogClose>
          <Button onClick={commit} disabled={!ready} loading={pending === "commit"}>
            <Upload className="size-4" aria-hidden="true" />
            {ready ? `Import ${preview.total} product${preview.total === 1 ? "" : "s"}` : "Import"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ImportPreview({ name, preview }: { name: string; preview: ProductImportPreview }) {
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size;
  // Every row with a problem, then the first good ones.
  const shown = [...preview.rows.filter((r) => r.errors.length), ...preview.rows.filter((r) => !r.errors.length)]
    .slice(0, SHOWN_ROWS)
    .sort((a, b) => a.row - b.row);
  return (
    <section aria-label="Preview" className="space-y-3" data-testid="import-preview">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <FileUp className="size-4 text-muted-foreground" aria-hidden="true" />
        <span className="font-medium text-foreground">{name}</span>
        <Badge tone="neutral">{preview.total} rows</Badge>
        {preview.fileErrors.length === 0 ? (
          rowsWithErrors ? (
            <Badge tone="danger">
              {rowsWithErrors} row{rowsWithErrors === 1 ? "" : "s"} to fix
            </Badge>
          ) : (
            <Badge tone="success">Ready to import</Badge>
          )
        ) : null}
      </div>
      {preview.fileErrors.length ? (
        <ul role="alert" className="space-y-1 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {preview.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {preview.errors.length ? (
        <p role="alert" className="text-sm text-danger">
          Fix the rows marked below in your spreadsheet, save it as CSV and choose it again. Nothing has been imported.
        </p>
      ) : null}
      {preview.ignoredColumns.length ? (
        <p className="text-sm text-muted-foreground">Ignored columns: {preview.ignoredColumns.join(", ")}.</p>
      ) : null}
      {shown.length ? (
        <div className="max-h-72 overflow-auto rounded-lg border border-border">
          <Table aria-label="Rows in the file">
            <THead>
              <Tr>
                <Th className="w-14">Row</Th>
                <Th>SKU</Th>
                <Th>Name</Th>
                <Th className="text-right">Price</Th>
                <Th className="text-right">Stock</Th>
                <Th>Check</Th>
              </Tr>
            </THead>
            <TBody>
              {shown.map((r) => (
                <Tr key={r.row} data-testid="import-row" className={r.errors.length ? "bg-danger-soft/40" : undefined}>
                  <Td className="tabular-nums text-muted-foreground">{r.row}</Td>
                  <Td className="font-mono text-xs">{r.sku || <span className="text-muted-foreground">—</span>}</Td>
                  <Td className="max-w-48 truncate">{r.name || <span className="text-muted-foreground">—</span>}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {r.product ? formatMoney(r.product.unitPrice, r.product.currency) : "—"}
                  </Td>
                  <Td className="text-right tabular-nums">{r.product ? r.product.stock : "—"}</Td>
                  <Td>
                    {r.errors.length ? (
                      <ul className="space-y-0.5 text-sm text-danger">
                        {r.errors.map((e) => (
                          <li key={`${e.field}-${e.message}`}>
                            {e.field ? <span className="font-medium">{e.field}: </span> : null}
                            {e.message}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <Badge tone="success">OK</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
      {preview.total > shown.length ? (
        <p className="text-xs text-muted-foreground">
          Showing {shown.length} of {preview.total} rows (every row with a problem first).
        </p>
      ) : null}
    </section>
  );
}
