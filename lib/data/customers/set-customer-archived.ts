// Archiving and restoring (customers.write), shared by archive-customer.ts, restore-customer.ts and
// delete-customer.ts (a customer with transactions is archived instead of deleted). Archived
// customers leave the default list but keep their history; archiving what is already archived
// (or restoring what is active) changes nothing and writes no audit row.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { customerSelect, toCustomerJson } from "@/lib/data/customers/customer-record";
import { CUSTOMER_NOT_FOUND } from "@/lib/data/customers/get-customer";
import type { CustomerJson } from "@/lib/validations/customer";

export async function setCustomerArchived(
  tx: Tx,
  actor: Actor,
  customerId: string,
  archived: boolean,
  ctx: RequestContext,
  expectedVersion: number | undefined,
  reason?: string,
): Promise<CustomerJson> {
  const current = await tx.customer.findUnique({ where: { id: customerId }, select: customerSelect });
  if (!current) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
  if ((current.archivedAt !== null) === archived) return toCustomerJson(current);
  const { count } = await tx.customer.updateMany({
    where: versionedWhere(current.id, current.version),
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 }, updatedById: actor.userId },
  });
  await assertWritten(
    count,
    async () => (await tx.customer.count({ where: { id: current.id } })) > 0,
    CUSTOMER_NOT_FOUND,
  );
  await audit(
    {
      action: archived ? "customer.archived" : "customer.restored",
      actorId: actor.userId,
      targetType: "customer",
      targetId: current.id,
      metadata: { name: current.name, ...(reason ? { reason } : {}) },
      context: ctx,
    },
    tx,
  );
  return toCustomerJson(await tx.customer.findUniqueOrThrow({ where: { id: current.id }, select: customerSelect }));
}
