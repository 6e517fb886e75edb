// Moves a product's stock by a signed delta with a reason (products.write): a delivery (+24), a
// count correction, breakage (-2). One conditional increment, so it composes with concurrent sales
// (which decrement the same way) instead of overwriting them; stock never goes below zero.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { PRODUCT_NOT_FOUND, parseProductId } from "@/lib/data/products/get-product";
import { productSelect, toProductJson } from "@/lib/data/products/product-record";
import { PRODUCT_LIMITS, adjustStockSchema, type ProductJson } from "@/lib/validations/product";
import { parseOrThrow } from "@/lib/validations/parse";

export async function adjustStock(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<ProductJson> {
  requirePermission(actor, "products.write");
  const productId = parseProductId(id);
  const { delta, reason } = parseOrThrow(adjustStockSchema, input);
  return db.$transaction(async (tx) => {
    const range =
      delta < 0 ? { stock: { gte: -delta } } : { stock: { lte: PRODUCT_LIMITS.quantity - delta } };
    const { count } = await tx.product.updateMany({
      where: { id: productId, ...(expectedVersion === undefined ? {} : { version: expectedVersion }), ...range },
      data: { stock: { increment: delta }, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (count === 0) {
      const current = await tx.product.findUnique({ where: { id: productId }, select: { stock: true, version: true } });
      if (!current) throw new NotFoundError(PRODUCT_NOT_FOUND);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
      throw new ValidationError({
        delta: [
          delta < 0
            ? `Only ${current.stock} in stock: the change can be at most -${current.stock}.`
            : `Stock would exceed ${PRODUCT_LIMITS.quantity}.`,
        ],
      });
    }
    const row = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: productSelect });
    await audit(
      {
        action: "product.stock_adjusted",
        actorId: actor.userId,
        targetType: "product",
        targetId: productId,
        metadata: {
          sku: row.sku,
          changed: ["stock"],
          stockBefore: row.stock - delta,
          stockAfter: row.stock,
          delta,
          reason,
        },
        context: ctx,
      },
      tx,
    );
    return toProductJson(row);
  });
}
