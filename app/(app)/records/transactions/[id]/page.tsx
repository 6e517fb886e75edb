import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { LinkedCards } from "@/components/board/linked-cards";
import { Receipt, ReceiptPrintStyle } from "@/components/transactions/receipt";
import { TransactionActions } from "@/components/transactions/transaction-actions";
import { buttonClasses } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listLinkedCards } from "@/lib/data/boards/list-linked-cards";
import { getTransaction } from "@/lib/data/transactions/get-transaction";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Receipt" };

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePagePermission("transactions.read");
  const { id } = await params;
  const sale = await getTransaction(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <ReceiptPrintStyle />
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/records/transactions" className={buttonClasses("ghost", "md")}>
          <ArrowLeft className="size-4" aria-hidden="true" />
          Transactions
        </Link>
        <TransactionActions
          sale={{
            id: sale.id,
            number: sale.number,
            version: sale.version,
            status: sale.status,
            currency: sale.currency,
            lines: sale.lines,
          }}
          canWrite={can(viewer, "transactions.write")}
        />
      </div>
      <Receipt sale={sale} />
      {/* Board cards linked to this sale, on boards the viewer is a member of. */}
      {can(viewer, "board.read") ? (
        <div className="print:hidden">
          <LinkedCards cards={await listLinkedCards(viewer, { transactionId: sale.id })} />
        </div>
      ) : null}
    </div>
  );
}
