"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { listCustomers } from "@/lib/data/customers/list-customers";
import { parseCustomerListQuery } from "@/lib/validations/customer-list-query";

export type SaleCustomer = { id: string; name: string; email: string | null };

/** The "New sale" customer picker: customers (not archived) matching name, email or phone. */
export async function searchSaleCustomersAction(q: string): Promise<ActionResult<SaleCustomer[]>> {
  return runAction("transactions-search-customers", async () => {
    const query = parseCustomerListQuery({ q: String(q ?? "").slice(0, 100), limit: "10" });
    const page = await listCustomers(await getViewer(), query, { count: false });
    return page.items.map((c) => ({ id: c.id, name: c.name, email: c.email }));
  });
}
