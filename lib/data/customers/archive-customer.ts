// Archives a customer (customers.write): it leaves the default list, keeps its transactions and can be restored.
// With expectedVersion (If-Match) a record changed since is refused with 412.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { CUSTOMER_NOT_FOUND } from "@/lib/data/customers/get-customer";
import { setCustomerArchived } from "@/lib/data/customers/set-customer-archived";
import { customerIdSchema, type CustomerJson } from "@/lib/validations/customer";

export async function archiveCustomer(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<CustomerJson> {
  requirePermission(actor, "customers.write");
  const parsed = customerIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  return db.$transaction((tx) => setCustomerArchived(tx, actor, parsed.data, true, ctx, expectedVersion));
}
