// Deletes a customer (customers.write), or archives it when it has transactions: sales keep
// pointing at their customer (the foreign key refuses the delete), so history is never lost. The
// result says which happened. With expectedVersion (If-Match) a record changed since gets 412.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { CUSTOMER_NOT_FOUND } from "@/lib/data/customers/get-customer";
import { setCustomerArchived } from "@/lib/data/customers/set-customer-archived";
import { customerIdSchema, type CustomerJson } from "@/lib/validations/customer";

export type DeleteCustomerResult =
  | { outcome: "deleted"; id: string }
  | { outcome: "archived"; id: string; transactions: number; customer: CustomerJson };

export async function deleteCustomer(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<DeleteCustomerResult> {
  requirePermission(actor, "customers.write");
  const parsed = customerIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  try {
    return await db.$transaction(async (tx): Promise<DeleteCustomerResult> => {
      const current = await tx.customer.findUnique({
        where: { id: parsed.data },
        select: { id: true, name: true, email: true, version: true, _count: { select: { transactions: true } } },
      });
      if (!current) throw new NotFoundError(CUSTOMER_NOT_FOUND);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
      const transactions = current._count.transactions;
      if (transactions > 0) {
        const customer = await setCustomerArchived(
          tx,
          actor,
          current.id,
          true,
          ctx,
          expectedVersion,
          `deletion requested; kept for ${transactions} transaction${transactions === 1 ? "" : "s"}`,
        );
        return { outcome: "archived", id: current.id, transactions, customer };
      }
      const { count } = await tx.customer.deleteMany({ where: versionedWhere(current.id, current.version) });
      await assertWritten(
        count,
        async () => (await tx.customer.count({ where: { id: current.id } })) > 0,
        CUSTOMER_NOT_FOUND,
      );
      await audit(
        {
          action: "customer.deleted",
          actorId: actor.userId,
          targetType: "customer",
          targetId: current.id,
          targetName: current.name,
          metadata: { name: current.name, email: current.email },
          context: ctx,
        },
        tx,
      );
      return { outcome: "deleted", id: current.id };
    });
  } catch (error) {
    // A sale recorded for this customer between the count and the delete: the foreign key refuses.
    if ((error as { code?: string }).code === "P2003") {
      throw new ConflictError("This customer just got a transaction; archive it instead.");
    }
    throw error;
  }
}
