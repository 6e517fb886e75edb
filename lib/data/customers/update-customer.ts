// Edits a customer (customers.write): any subset of the fields. Only what differs is written and
// audited (before and after of each changed field); each real change bumps `version` and records
// who made it. With `expectedVersion` (If-Match, or the edit dialog's loaded version) a record
// changed since is refused with 412 instead of silently overwritten.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { customerIdSchema, updateCustomerSchema, type CustomerJson } from "@/lib/validations/customer";
import { parseOrThrow } from "@/lib/validations/parse";
import {
  customerSelect,
  emailTaken,
  isEmailUniqueViolation,
  toCustomerJson,
} from "@/lib/data/customers/customer-record";
import { CUSTOMER_NOT_FOUND } from "@/lib/data/customers/get-customer";

const TEXT_FIELDS = ["name", "email", "phone", "address", "notes"] as const;

export async function updateCustomer(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<CustomerJson> {
  requirePermission(actor, "customers.write");
  const parsedId = customerIdSchema.safeParse(id);
  if (!parsedId.success) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  const values = parseOrThrow(updateCustomerSchema, input);
  const customerId = parsedId.data;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.customer.findUnique({ where: { id: customerId }, select: customerSelect });
      if (!current) throw new NotFoundError(CUSTOMER_NOT_FOUND);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();

      const before = {
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, current[f]])),
        tags: current.tags.map((t) => t.tag),
      } as Record<string, string | null | string[]>;
      const after: Record<string, string | null | string[]> = {};
      for (const field of TEXT_FIELDS) if (values[field] !== undefined) after[field] = values[field];
      if (values.tags !== undefined) after.tags = values.tags;
      const { changed, metadata } = changeMetadata(before, after);
      if (changed.length === 0) return toCustomerJson(current);

      if (changed.includes("email") && after.email) {
        const owner = await tx.customer.findUnique({ where: { email: after.email as string }, select: { id: true } });
        if (owner && owner.id !== current.id) throw emailTaken();
      }
      const data = Object.fromEntries(TEXT_FIELDS.filter((f) => changed.includes(f)).map((f) => [f, after[f]]));
      const { count } = await tx.customer.updateMany({
        where: versionedWhere(current.id, current.version),
        data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
      });
      await assertWritten(
        count,
        async () => (await tx.customer.count({ where: { id: current.id } })) > 0,
        CUSTOMER_NOT_FOUND,
      );
      if (changed.includes("tags")) {
        const tags = after.tags as string[];
        await tx.customerTag.deleteMany({ where: { customerId: current.id } });
        if (tags.length)
          await tx.customerTag.createMany({ data: tags.map((tag) => ({ customerId: current.id, tag })) });
      }
      await audit(
        {
          action: "customer.updated",
          actorId: actor.userId,
          targetType: "customer",
          targetId: current.id,
          metadata: { name: current.name, ...metadata },
          context: ctx,
        },
        tx,
      );
      const row = await tx.customer.findUniqueOrThrow({ where: { id: current.id }, select: customerSelect });
      return toCustomerJson(row);
    });
  } catch (error) {
    if (isEmailUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
