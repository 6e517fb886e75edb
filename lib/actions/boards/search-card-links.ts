"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { listCustomers } from "@/lib/data/customers/list-customers";
import { formatMoney } from "@/lib/money";
import { listTransactions } from "@/lib/data/transactions/list-transactions";
import { parseCustomerListQuery } from "@/lib/validations/customer-list-query";
import { parseTransactionListQuery } from "@/lib/validations/transaction-list-query";

export type CardLinkOption = { id: string; label: string; detail: string | null };

/**
 * The card dialog's pickers: customers (customers.read) or transactions (transactions.read)
 * matching the text, ten at most. Linking is checked again when the card is saved.
 */
export async function searchCardLinksAction(
  kind: "customer" | "transaction",
  q: string,
): Promise<ActionResult<CardLinkOption[]>> {
  return runAction("boards-search-card-links", async () => {
    const viewer = await getViewer();
    const text = String(q ?? "").slice(0, 100);
    if (kind === "transaction") {
      const page = await listTransactions(viewer, parseTransactionListQuery({ q: text, limit: "10" }), {
        count: false,
      });
      return page.items.map((t) => ({
        id: t.id,
        label: `#${t.number}`,
        detail: `${t.customer?.name ?? "No customer"} · ${formatMoney(t.total, t.currency)} · ${t.occurredAt.toISOString().slice(0, 10)}`,
      }));
    }
    const page = await listCustomers(viewer, parseCustomerListQuery({ q: text, limit: "10" }), { count: false });
    return page.items.map((c) => ({ id: c.id, label: c.name, detail: c.email }));
  });
}
