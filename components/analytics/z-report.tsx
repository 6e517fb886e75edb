// The end-of-day (Z) report of one local day: the day's totals, what was taken per payment method,
// and one section per staff member with the same figures. ZReportPrintStyle makes printing the
// page print this element alone (as the receipt does), each staff section kept on one page.
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatLongDate } from "@/components/analytics/analytics-format";
import { formatMoney } from "@/lib/money";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/transaction";
import type { ZReport as ZReportData, ZReportTotals } from "@/lib/validations/analytics";

export const Z_REPORT_ID = "z-report";

/** "−$4.00" for money taken off; "$0.00" when nothing was. */
function minus(amount: number, currency: string): string {
  return amount === 0 ? formatMoney(0, currency) : `−${formatMoney(amount, currency)}`;
}

function Figures({ totals, currency, testId }: { totals: ZReportTotals; currency: string; testId?: string }) {
  const money = (n: number) => formatMoney(n, currency);
  const rows: [string, string, string?][] = [
    ["Sales", new Intl.NumberFormat("en-US").format(totals.transactions)],
    ["Gross sales", money(totals.gross), "Units × list price"],
    ["Discounts", minus(totals.discounts, currency)],
    ["Tax collected", money(totals.tax)],
    ["Refunds given", minus(totals.refunds, currency)],
    ["Voided since", money(totals.voids), "Not counted in net"],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4 print:grid-cols-4" data-testid={testId}>
      {rows.map(([label, value, hint]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-sm font-medium tabular-nums text-foreground">
            {value}
            {hint ? <span className="block text-[11px] font-normal text-muted-foreground">{hint}</span> : null}
          </dd>
        </div>
      ))}
      <div className="col-span-2 rounded-lg bg-brand-soft px-3 py-2 print:bg-transparent print:px-0">
        <dt className="text-xs font-medium text-brand">Net takings</dt>
        <dd
          className="text-lg font-semibold tabular-nums text-foreground"
          data-testid={testId ? `${testId}-net` : undefined}
        >
          {money(totals.net)}
        </dd>
      </div>
    </dl>
  );
}

function Methods({ totals, currency, label }: { totals: ZReportTotals; currency: string; label: string }) {
  const rows = totals.byMethod.filter((m) => m.transactions > 0 || m.revenue !== 0);
  if (rows.length === 0) return null;
  return (
    <Table aria-label={label} containerClassName="mt-4">
      <THead>
        <Tr>
          <Th>Payment method</Th>
          <Th className="text-right">Sales</Th>
          <Th className="text-right">Taken (tax incl.)</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((m) => (
          <Tr key={m.method}>
            <Td>{PAYMENT_METHOD_LABELS[m.method]}</Td>
            <Td className="text-right tabular-nums">{m.transactions}</Td>
            <Td className="text-right tabular-nums">{formatMoney(m.revenue, currency)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function StaffSummary({ report }: { report: ZReportData }) {
  const money = (n: number) => formatMoney(n, report.currency);
  return (
    <Table aria-label="Day totals by staff member" containerClassName="mt-4">
      <THead>
        <Tr>
          <Th>Staff member</Th>
          <Th className="text-right">Sales</Th>
          <Th className="text-right">Gross</Th>
          <Th className="text-right">Discounts</Th>
          <Th className="text-right">Tax</Th>
          <Th className="text-right">Refunds</Th>
          <Th className="text-right">Net</Th>
        </Tr>
      </THead>
      <TBody>
        {report.staff.map((s) => (
          <Tr key={s.staffId}>
            <Td className="font-medium">{s.name}</Td>
            <Td className="text-right tabular-nums">{s.transactions}</Td>
            <Td className="text-right tabular-nums">{money(s.gross)}</Td>
            <Td className="text-right tabular-nums">{minus(s.discounts, report.currency)}</Td>
            <Td className="text-right tabular-nums">{money(s.tax)}</Td>
            <Td className="text-right tabular-nums">{minus(s.refunds, report.currency)}</Td>
            <Td className="text-right font-medium tabular-nums">{money(s.net)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function ZReport({ report, shopName, printedAt }: { report: ZReportData; shopName: string; printedAt: string }) {
  return (
    <article id={Z_REPORT_ID} aria-labelledby="z-report-title" className="space-y-6 text-foreground print:space-y-4">
      <header className="rounded-xl border border-border bg-surface p-6 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <div className="flex flex-wrap items-start justify-between gap-4 border-b border-dashed border-border pb-4">
          <div>
            <p className="text-sm font-semibold">{shopName}</p>
            <h2 id="z-report-title" className="mt-1 text-xl font-semibold tracking-tight">
              End-of-day report · {formatLongDate(report.date)}
            </h2>
            <p className="text-sm text-muted-foreground">
              Times in {report.tz} · amounts in {report.currency}
            </p>
          </div>
          <p className="text-right text-xs text-muted-foreground">
            Printed {printedAt}
            <br />
            {report.staff.length} staff member{report.staff.length === 1 ? "" : "s"}
          </p>
        </div>
        <h3 className="mb-3 mt-4 text-sm font-semibold uppercase tracking-wide text-muted-foreground">Day totals</h3>
        <Figures totals={report.totals} currency={report.currency} testId="z-totals" />
        <Methods totals={report.totals} currency={report.currency} label="Day totals by payment method" />
        {report.staff.length > 1 ? <StaffSummary report={report} /> : null}
      </header>

      {report.staff.map((s) => (
        <section
          key={s.staffId}
          aria-labelledby={`z-staff-${s.staffId}`}
          data-testid="z-staff"
          className="break-inside-avoid rounded-xl border border-border bg-surface p-6 shadow-sm print:rounded-none print:border-x-0 print:border-b-0 print:px-0 print:shadow-none"
        >
          <h3 id={`z-staff-${s.staffId}`} className="mb-3 text-base font-semibold">
            {s.name}
          </h3>
          <Figures totals={s} currency={report.currency} />
          <Methods totals={s} currency={report.currency} label={`${s.name} by payment method`} />
        </section>
      ))}

      <footer className="hidden border-t border-dashed border-border pt-4 text-xs text-muted-foreground print:block">
        Net takings = gross sales − discounts + tax − refunds. Signature: ______________________
      </footer>
    </article>
  );
}

/** Print only the report: the app's navigation and the page's controls are hidden. */
export function ZReportPrintStyle() {
  return (
    <style>{`@media print {
  body * { visibility: hidden !important; }
  #${Z_REPORT_ID}, #${Z_REPORT_ID} * { visibility: visible !important; }
  #${Z_REPORT_ID} { position: absolute; left: 0; top: 0; width: 100%; background: white; color: black; }
  #${Z_REPORT_ID} * { color: black !important; background: transparent !important; border-color: #bbb !important; }
  @page { margin: 12mm; }
}`}</style>
  );
}
