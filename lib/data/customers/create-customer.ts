// Creates a customer (customers.write). The record, its tags and the audit row commit together;
// a taken email (case-insensitive: emails are stored lower-cased) is a 409 naming the field.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { createCustomerSchema, type CustomerJson } from "@/lib/validations/customer";
import { parseOrThrow } from "@/lib/validations/parse";
import {
  customerSelect,
  emailTaken,
  isEmailUniqueViolation,
  toCustomerJson,
} from "@/lib/data/customers/customer-record";

export async function createCustomer(actor: Actor | null, input: unknown, ctx: RequestContext): Promise<CustomerJson> {
  requirePermission(actor, "customers.write");
  const values = parseOrThrow(createCustomerSchema, input);
  const data = {
    name: values.name,
    email: values.email ?? null,
    phone: values.phone ?? null,
    address: values.address ?? null,
    notes: values.notes ?? null,
  };
  const tags = values.tags ?? [];
  try {
    return await db.$transaction(async (tx) => {
      if (data.email && (await tx.customer.findUnique({ where: { email: data.email }, select: { id: true } }))) {
        throw emailTaken();
      }
      const row = await tx.customer.create({
        data: {
          ...data,
          createdById: actor.userId,
          updatedById: actor.userId,
          tags: { create: tags.map((tag) => ({ tag })) },
        },
        select: customerSelect,
      });
      const { metadata } = changeMetadata({}, { ...data, tags });
      await audit(
        {
          action: "customer.created",
          actorId: actor.userId,
          targetType: "customer",
          targetId: row.id,
          metadata: { name: row.name, ...metadata },
          context: ctx,
        },
        tx,
      );
      return toCustomerJson(row);
    });
  } catch (error) {
    // Two creates with one email at once: the unique index refuses the second.
    if (isEmailUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
