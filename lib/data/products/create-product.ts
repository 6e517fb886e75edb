// Creates a product (products.write). The SKU is stored upper-cased and unique: a taken one is a
// 409 naming the `sku` field, whether found first or refused by the unique index in a race.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { isUniqueViolation } from "@/lib/db-sql";
import { productSelect, skuTaken, toProductJson } from "@/lib/data/products/product-record";
import { createProductSchema, type ProductJson } from "@/lib/validations/product";
import { parseOrThrow } from "@/lib/validations/parse";

export async function createProduct(actor: Actor | null, input: unknown, ctx: RequestContext): Promise<ProductJson> {
  requirePermission(actor, "products.write");
  const values = parseOrThrow(createProductSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.product.findUnique({ where: { sku: values.sku }, select: { id: true } })) throw skuTaken();
      const row = await tx.product.create({
        data: { ...values, createdById: actor.userId, updatedById: actor.userId },
        select: productSelect,
      });
      await audit(
        {
          action: "product.created",
          actorId: actor.userId,
          targetType: "product",
          targetId: row.id,
          metadata: { ...values },
          context: ctx,
        },
        tx,
      );
      return toProductJson(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
}
