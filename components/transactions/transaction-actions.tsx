"use client";
// The receipt page's actions: Print, and for an open sale (completed or partly refunded) Void and
// Refund, each confirmed in a dialog with a reason; Refund asks how many of each line to give
// back (everything left by default). The page's version goes with each, so a sale changed in
// another tab meanwhile is refused rather than voided or refunded twice.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Ban, Printer, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { refundTransactionAction } from "@/lib/actions/transactions/refund-transaction";
import { voidTransactionAction } from "@/lib/actions/transactions/void-transaction";
import { formatMoney } from "@/lib/money";
import type { TransactionRecord } from "@/lib/data/transactions/transaction-record";

type Sale = Pick<TransactionRecord, "id" | "number" | "version" | "status" | "currency" | "lines">;

export function TransactionActions({ sale, canWrite }: { sale: Sale; canWrite: boolean }) {
  const router = useRouter();
  const open = sale.status === "completed" || sale.status === "partially_refunded";
  const refundable = sale.lines.filter((l) => l.quantity > l.refundedQuantity);
  const initial = () => Object.fromEntries(refundable.map((l) => [l.id, String(l.quantity - l.refundedQuantity)]));
  const [quantities, setQuantities] = useState<Record<string, string>>(initial);

  const parsed = refundable.map((l) => {
    const text = quantities[l.id] ?? "0";
    const n = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
    const left = l.quantity - l.refundedQuantity;
    const error = Number.isNaN(n) ? "A whole number." : n > left ? `At most ${left}.` : undefined;
    return { line: l, quantity: Number.isNaN(n) ? 0 : n, left, error };
  });
  const refundInvalid = parsed.some((p) => p.error) || parsed.every((p) => p.quantity === 0);

  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <Button variant="secondary" onClick={() => window.print()}>
        <Printer className="size-4" aria-hidden="true" />
        Print
      </Button>
      {canWrite && open ? (
        <>
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <Undo2 className="size-4" aria-hidden="true" />
                Refund
              </Button>
            }
            title={`Refund receipt #${sale.number}?`}
            description="The units go back into stock and the refunded amount is recorded."
            confirmLabel="Refund"
            input={{ label: "Reason (optional)", required: false, maxLength: 500 }}
            confirmDisabled={refundInvalid}
            onConfirm={async (reason) => {
              const lines = parsed
                .filter((p) => p.quantity > 0)
                .map((p) => ({ lineId: p.line.id, quantity: p.quantity }));
              const result = await refundTransactionAction(sale.id, { reason: reason || null, lines }, sale.version);
              if (!result.ok) return result;
              toast.success(
                `Refunded ${formatMoney(result.data.refundedAmount, sale.currency)} in total on #${sale.number}.`,
              );
              setQuantities(initial());
              router.refresh();
            }}
          >
            <fieldset className="mb-4 space-y-3">
              <legend className="mb-2 text-sm font-medium text-foreground">Units to refund</legend>
              {parsed.map((p) => {
                const id = `refund-${p.line.id}`;
                return (
                  <div key={p.line.id} className="flex items-center justify-between gap-3">
                    <label htmlFor={id} className="min-w-0 text-sm">
                      <span className="block truncate">{p.line.productName}</span>
                      <span className="text-xs text-muted-foreground">{p.left} refundable</span>
                    </label>
                    <div className="w-24 shrink-0">
                      <Input
                        id={id}
                        inputMode="numeric"
                        value={quantities[p.line.id] ?? ""}
                        invalid={Boolean(p.error)}
                        aria-describedby={p.error ? `${id}-error` : undefined}
                        onChange={(e) => setQuantities({ ...quantities, [p.line.id]: e.target.value })}
                      />
                      {p.error ? (
                        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
                          {p.error}
                        </p>
                      ) : null}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          </ConfirmDialog>
          <ConfirmDialog
            trigger={
              <Button variant="danger">
                <Ban className="size-4" aria-hidden="true" />
                Void
              </Button>
            }
            title={`Void receipt #${sale.number}?`}
            description="The sale stops counting and every unit not already refunded goes back into stock. This cannot be undone."
            variant="danger"
            confirmLabel="Void sale"
            input={{ label: "Reason", maxLength: 500, placeholder: "e.g. Rang up twice" }}
            onConfirm={async (reason) => {
              const result = await voidTransactionAction(sale.id, { reason }, sale.version);
              if (!result.ok) return result;
              toast.success(`Receipt #${sale.number} voided; stock restored.`);
              router.refresh();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
