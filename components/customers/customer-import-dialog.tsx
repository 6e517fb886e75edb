"use client";
// CSV import in two steps: choose a file → preview (every row's outcome, problems named by row
// and column; nothing written yet) → import all rows in one go. A file with any problem imports
// nothing: fix it and choose it again. The preview and the commit run the same checks on the
// server (lib/data/customers/import-customers.ts).
import { FileUp, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { importCustomersAction } from "@/lib/actions/customers/import-customers";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import-limits";
import type { CustomerImportResult } from "@/lib/data/customers/import-customers";
import { CUSTOMER_CSV_COLUMNS } from "@/lib/validations/customer";

const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${CUSTOMER_CSV_COLUMNS.join(",")}\r\nAda Lovelace,ada@example.com,+44 20 7946 0958,"12 St James's Square, London",Prefers email,vip; newsletter\r\n`,
)}`;

type Step = { file: { name: string; csv: string }; preview: CustomerImportResult } | null;

export function CustomerImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
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

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > CSV_IMPORT_LIMITS.maxBytes) {
      setStep(null);
      setError(`${file.name} is larger than ${CSV_IMPORT_LIMITS.maxBytes / 1024} kB. Split it into smaller files.`);
      return;
    }
    setPending("preview");
    const csv = await file.text();
    const result = await importCustomersAction({ csv, dryRun: true });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStep({ file: { name: file.name, csv }, preview: result.data });
  };

  const commit = async () => {
    if (!step) return;
    setPending("commit");
    const result = await importCustomersAction({ csv: step.file.csv, dryRun: false });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (!result.data.committed) {
      // Something changed since the preview (e.g. an email was taken meanwhile): show why.
      setStep({ ...step, preview: result.data });
      return;
    }
    toast.success(`Imported ${result.data.created} customer${result.data.created === 1 ? "" : "s"}.`);
    onOpenChange(false);
    reset();
    router.refresh();
  };

  const preview = step?.preview;
  const problems = preview ? preview.fileErrors.length + preview.errors.length : 0;
  const ready = preview && problems === 0 && preview.rowCount > 0;

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
        title="Import customers from CSV"
        description="Nothing is saved until you confirm, and a file with any problem imports nothing."
        size="lg"
      >
        <div className="space-y-4">
          <div className="rounded-lg border border-dashed border-border p-4">
            <label htmlFor={`${id}-file`} className="text-sm font-medium text-foreground">
              CSV file
            </label>
            <p className="mt-1 text-sm text-muted-foreground">
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
          {preview ? <ImportPreview name={step.file.name} preview={preview} /> : null}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending !== null}>
              Cancel
            </Button>
          </DialogClose>
          <Button onClick={commit} disabled={!ready} loading={pending === "commit"}>
            <Upload className="size-4" aria-hidden="true" />
            {ready ? `Import ${preview.rowCount} customer${preview.rowCount === 1 ? "" : "s"}` : "Import"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ImportPreview({ name, preview }: { name: string; preview: CustomerImportResult }) {
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size;
  return (
    <section aria-label="Preview" className="space-y-3" data-testid="import-preview">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <FileUp className="size-4 text-muted-foreground" aria-hidden="true" />
        <span className="font-medium text-foreground">{name}</span>
        <Badge tone="neutral">{preview.rowCount} rows</Badge>
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
      {preview.preview.length ? (
        <div className="max-h-72 overflow-auto rounded-lg border border-border">
          <Table aria-label="Rows in the file">
            <THead>
              <Tr>
                <Th className="w-14">Row</Th>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Tags</Th>
                <Th>Check</Th>
              </Tr>
            </THead>
            <TBody>
              {preview.preview.map((r) => (
                <Tr key={r.row} data-testid="import-row" className={r.errors.length ? "bg-danger-soft/40" : undefined}>
                  <Td className="tabular-nums text-muted-foreground">{r.row}</Td>
                  <Td>{r.name || <span className="text-muted-foreground">—</span>}</Td>
                  <Td className="max-w-48 truncate">{r.email || <span className="text-muted-foreground">—</span>}</Td>
                  <Td className="max-w-32 truncate">{r.tags}</Td>
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
      {preview.rowCount > preview.preview.length ? (
        <p className="text-xs text-muted-foreground">
          Showing {preview.preview.length} of {preview.rowCount} rows (every row with a problem is shown).
        </p>
      ) : null}
    </section>
  );
}
