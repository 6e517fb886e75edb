// One customer by id (customers.read). Archived customers are found too (their page says so).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { customerIdSchema, type CustomerJson } from "@/lib/validations/customer";
import { toCustomerJson } from "@/lib/data/customers/customer-record";
import { customerColumn, readCustomerRows } from "@/lib/data/customers/read-customer-rows";

export const CUSTOMER_NOT_FOUND = "Customer not found.";

export async function getCustomer(actor: Actor | null, id: unknown): Promise<CustomerJson> {
  requirePermission(actor, "customers.read");
  const parsed = customerIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  const [row] = await readCustomerRows({ sql: `c."id" = ?`, params: [parsed.data] }, customerColumn("id"), 1);
  if (!row) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  return toCustomerJson(row);
}
