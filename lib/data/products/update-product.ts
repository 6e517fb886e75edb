// Edits a product (products.write): any subset of the fields. Only what differs is written and
// audited (before and after of each changed field); a real change bumps `version` and records who
// made it. With `expectedVersion` (If-Match, or the edit dialog's loaded version) a product changed
// since is refused with 412 instead of silently overwritten.
//
// Stock set here is an absolute count (a stocktake); sales and refunds move it by deltas elsewhere,
// and adjust-stock.ts is the delta with a reason. Fields not sent are never written, so an edit of
// the price cannot undo a sale's decrement.
import "server-only";
import { audit, type AuditValue } from "@/lib/audit/audit";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { PRODUCT_NOT_FOUND, parseProductId } from "@/lib/data/products/get-product";
import { isUniqueViolation } from "@/lib/db-sql";
import { productSelect, skuTaken, toProductJson } from "@/lib/data/products/product-record";
import { PRODUCT_FIELDS, updateProductSchema, type ProductField, type ProductJson } from "@/lib/validations/product";
import { parseOrThrow } from "@/lib/validations/parse";

export type UpdateProductResult = { product: ProductJson; changed: string[] };

export async function updateProduct(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<UpdateProductResult> {
  requirePermission(actor, "products.write");
  const productId = parseProductId(id);
  const values = parseOrThrow(updateProductSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.product.findUnique({ where: { id: productId }, select: productSelect });
      if (!current) throw new NotFoundError(PRODUCT_NOT_FOUND);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();

      const before = Object.fromEntries(PRODUCT_FIELDS.map((f) => [f, current[f]])) as Record<ProductField, AuditValue>;
      const { changed, metadata } = changeMetadata<ProductField>(before, values);
      if (changed.length === 0) return { product: toProductJson(current), changed };

      if (changed.includes("sku")) {
        const owner = await tx.product.findUnique({ where: { sku: values.sku! }, select: { id: true } });
        if (owner && owner.id !== current.id) throw skuTaken();
      }
      const data = Object.fromEntries(changed.map((f) => [f, values[f]]));
      // The version read above, not only the caller's: a change made between that read and this
      // write is refused rather than overwritten.
      const { count } = await tx.product.updateMany({
        where: versionedWhere(current.id, current.version),
        data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
      });
      await assertWritten(
        count,
        async () => (await tx.product.count({ where: { id: current.id } })) > 0,
        PRODUCT_NOT_FOUND,
      );
      await audit(
        {
          action: "product.updated",
          actorId: actor.userId,
          targetType: "product",
          targetId: current.id,
          metadata: { sku: current.sku, ...metadata },
          context: ctx,
        },
        tx,
      );
      const row = await tx.product.findUniqueOrThrow({ where: { id: current.id }, select: productSelect });
      return { product: toProductJson(row), changed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
}
