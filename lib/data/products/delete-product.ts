// Deletes a product (products.write), or archives it when it was ever sold: sale lines keep
// pointing at their product (the foreign key refuses the delete), so history is never lost. The
// result says which happened. A sale recorded between the check and the delete is caught by the
// foreign key and also ends in "archived". With expectedVersion (If-Match) a product changed since
// gets 412.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { PRODUCT_NOT_FOUND, parseProductId } from "@/lib/data/products/get-product";
import { isForeignKeyViolation } from "@/lib/data/products/product-record";
import { setProductArchived } from "@/lib/data/products/set-product-archived";
import type { ProductJson } from "@/lib/validations/product";

export type DeleteProductResult =
  | { outcome: "deleted"; id: string }
  | { outcome: "archived"; id: string; saleLines: number; product: ProductJson };

export async function deleteProduct(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<DeleteProductResult> {
  requirePermission(actor, "products.write");
  const productId = parseProductId(id);
  const archiveInstead = (saleLines: number) =>
    db.$transaction(async (tx): Promise<DeleteProductResult> => {
      const product = await setProductArchived(
        tx,
        actor,
        productId,
        true,
        ctx,
        expectedVersion,
        `deletion requested; kept for ${saleLines || "its"} sale line${saleLines === 1 ? "" : "s"}`,
      );
      return { outcome: "archived", id: productId, saleLines, product };
    });
  try {
    return await db.$transaction(async (tx): Promise<DeleteProductResult> => {
      const current = await tx.product.findUnique({
        where: { id: productId },
        select: {
          id: true,
          sku: true,
          name: true,
          unitPrice: true,
          currency: true,
          stock: true,
          version: true,
          _count: { select: { lines: true } },
        },
      });
      if (!current) throw new NotFoundError(PRODUCT_NOT_FOUND);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
      const saleLines = current._count.lines;
      if (saleLines > 0) {
        const product = await setProductArchived(
          tx,
          actor,
          current.id,
          true,
          ctx,
          expectedVersion,
          `deletion requested; kept for ${saleLines} sale line${saleLines === 1 ? "" : "s"}`,
        );
        return { outcome: "archived", id: current.id, saleLines, product };
      }
      const { count } = await tx.product.deleteMany({ where: versionedWhere(current.id, current.version) });
      await assertWritten(
        count,
        async () => (await tx.product.count({ where: { id: current.id } })) > 0,
        PRODUCT_NOT_FOUND,
      );
      await audit(
        {
          action: "product.deleted",
          actorId: actor.userId,
          targetType: "product",
          targetId: current.id,
          // As target-name.ts names a product, kept now that the row is gone.
          targetName: `${current.name} (${current.sku})`,
          metadata: {
            sku: current.sku,
            name: current.name,
            unitPrice: current.unitPrice,
            currency: current.currency,
            stock: current.stock,
          },
          context: ctx,
        },
        tx,
      );
      return { outcome: "deleted", id: current.id };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return archiveInstead(0);
    throw error;
  }
}
