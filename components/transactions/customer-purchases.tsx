// A customer's purchase history and lifetime value, for the customer detail page (a server
// component: the customers page renders <CustomerPurchases viewer={viewer} customerId={id} />).
// Shown only to someone who may read transactions; others see nothing of it.
import Link from "next/link";
import { ShoppingBag } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TransactionStatusBadge } from "@/components/transactions/transaction-status-badge";
import type { Actor } from "@/lib/auth/actor";
import { listCustomerTransactions } from "@/lib/data/transactions/list-customer-transactions";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/rbac/can";

export async function CustomerPurchases({ viewer, customerId }: { viewer: Actor; customerId: string }) {
  if (!can(viewer, "transactions.read")) return null;
  const history = await listCustomerTransactions(viewer, customerId, { limit: 10 });
  const value = history.lifetimeValue.length
    ? history.lifetimeValue.map((v) => formatMoney(v.amount, v.currency)).join(" + ")
    : formatMoney(0, "USD");
  return (
    <Card>
      <CardHeader
        title="Purchases"
        description={`${history.count} sale${history.count === 1 ? "" : "s"} · lifetime value ${value}`}
      />
      <CardBody className="p-0">
        <p className="sr-only" data-testid="lifetime-value">
          Lifetime value {value}
        </p>
        {history.items.length === 0 ? (
          <EmptyState icon={ShoppingBag} title="No purchases yet" description="Sales to this customer appear here." />
        ) : (
          <ul className="divide-y divide-border">
            {history.items.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-3 px-6 py-3 text-sm">
                <div className="min-w-0">
                  <Link
                    href={`/records/transactions/${t.id}`}
                    className="font-medium text-foreground hover:text-brand hover:underline"
                  >
                    Receipt #{t.number}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {formatDateTime(t.occurredAt)} · {t.lineCount} line{t.lineCount === 1 ? "" : "s"}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-3">
                  <TransactionStatusBadge status={t.status} />
                  <span className="tabular-nums">{formatMoney(t.total, t.currency)}</span>
                </div>
              </li>
            ))}
            {history.count > history.items.length ? (
              <li className="px-6 py-3 text-sm">
                <Link href={`/records/transactions?customer_id=${customerId}`} className="text-brand hover:underline">
                  All {history.count} sales
                </Link>
              </li>
            ) : null}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
