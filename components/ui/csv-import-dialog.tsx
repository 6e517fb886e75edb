"use client";
// CSV import in two steps: choose a file → preview (every row's outcome, problems named by row
// and column; nothing written yet) → import every row in one go. A file with any problem imports
// nothing: fix it and choose it again. The preview and the commit run the same checks on the
// server; this dialog only shows them. Each record type gives its actions, its help text and the
// columns of its preview table (components/customers, components/products).
import { FileUp, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import-limits";
import type { CsvRowError } from "@/lib/csv/csv-import";

/** Rows of the preview table shown at most. */
const SHOWN_ROWS = 200;

export type CsvPreviewRow = { row: number; errors: CsvRowError[] };

/** What the server's check of a file says, in the shape this dialog shows. */
export type CsvPreview<R extends CsvPreviewRow> = {
  /** Data rows in the file. */
  total: number;
  fileErrors: string[];
  errors: CsvRowError[];
  ignoredColumns: string[];
  /** Rows for the table (every row with a problem among them). */
  rows: R[];
};

/** What a commit came to: written, refused with a fresh preview to show, or refused with a message. */
export type CsvCommitOutcome<R extends CsvPreviewRow> =
  | { created: number }
  | { preview: CsvPreview<R>; error?: string }
  | { error: string };

/** A record column of the preview: `className` for its cells, `headerClassName` for its heading. */
export type CsvColumn<R> = {
  header: string;
  className?: string;
  headerClassName?: string;
  cell: (row: R) => ReactNode;
};

type Step<R extends CsvPreviewRow> = { file: { name: string; csv: string }; preview: CsvPreview<R> } | null;

export function CsvImportDialog<R extends CsvPreviewRow>({
  open,
  onOpenChange,
  title,
  noun,
  help,
  check,
  commit,
  columns,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  noun: { one: string; many: string };
  /** What the file must hold, with a template to download. */
  help: ReactNode;
  /** The server's check of a file (nothing written). */
  check: (csv: string) => Promise<{ preview: CsvPreview<R> } | { error: string }>;
  commit: (csv: string) => Promise<CsvCommitOutcome<R>>;
  /** The table's record columns, between "Row" and "Check". */
  columns: CsvColumn<R>[];
}) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step<R>>(null);
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
    setStep(null);
    if (file.size > CSV_IMPORT_LIMITS.maxBytes) {
      setError(`${file.name} is larger than ${CSV_IMPORT_LIMITS.maxBytes / 1024} kB. Split it into smaller files.`);
      return;
    }
    setPending("preview");
    const csv = await file.text();
    const result = await check(csv);
    setPending(null);
    if ("error" in result) setError(result.error);
    else setStep({ file: { name: file.name, csv }, preview: result.preview });
  };

  const confirm = async () => {
    if (!step) return;
    setPending("commit");
    const result = await commit(step.file.csv);
    setPending(null);
    if ("created" in result) {
      toast.success(`Imported ${result.created} ${result.created === 1 ? noun.one : noun.many}.`);
      onOpenChange(false);
      reset();
      router.refresh();
      return;
    }
    // Something changed since the preview (an email or SKU taken meanwhile): show why.
    if ("preview" in result) setStep({ ...step, preview: result.preview });
    setError(result.error ?? null);
  };

  const preview = step?.preview;
  const ready = preview && preview.fileErrors.length + preview.errors.length === 0 && preview.total > 0;

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
        title={title}
        description="Nothing is saved until you confirm, and a file with any problem imports nothing."
        size="lg"
      >
        <div className="space-y-4">
          <div className="rounded-lg border border-dashed border-border p-4">
            <label htmlFor={`${id}-file`} className="text-sm font-medium text-foreground">
              CSV file
            </label>
            <p className="mt-1 text-sm text-muted-foreground">{help}</p>
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
          {preview && step ? <ImportPreview name={step.file.name} preview={preview} columns={columns} /> : null}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending !== null}>
              Cancel
            </Button>
          </DialogClose>
          <Button onClick={confirm} disabled={!ready} loading={pending === "commit"}>
            <Upload className="size-4" aria-hidden="true" />
            {ready ? `Import ${preview.total} ${preview.total === 1 ? noun.one : noun.many}` : "Import"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ImportPreview<R extends CsvPreviewRow>({
  name,
  preview,
  columns,
}: {
  name: string;
  preview: CsvPreview<R>;
  columns: CsvColumn<R>[];
}) {
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size;
  // Every row with a problem, then the first good ones, in file order.
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
                {columns.map((c) => (
                  <Th key={c.header} className={c.headerClassName}>
                    {c.header}
                  </Th>
                ))}
                <Th>Check</Th>
              </Tr>
            </THead>
            <TBody>
              {shown.map((r) => (
                <Tr key={r.row} data-testid="import-row" className={r.errors.length ? "bg-danger-soft/40" : undefined}>
                  <Td className="tabular-nums text-muted-foreground">{r.row}</Td>
                  {columns.map((c) => (
                    <Td key={c.header} className={c.className}>
                      {c.cell(r)}
                    </Td>
                  ))}
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

/** A value of a preview cell, or a dash for an empty one. */
export function orDash(value: ReactNode) {
  return value || <span className="text-muted-foreground">—</span>;
}
