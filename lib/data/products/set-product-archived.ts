// Archive or restore a product inside the caller's transaction (archive-product.ts,
// restore-product.ts, and delete-product.ts for a product that was sold). Archived products are
// kept for the sales that name them but are not for sale: archiving also clears `active`, and
// restoring sets it again. Doing what is already done changes nothing and writes no audit row.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { PRODUCT_NOT_FOUND } from "@/lib/data/products/get-product";
import { productSelect, toProductJson } from "@/lib/data/products/product-record";
import type { ProductJson } from "@/lib/validations/product";

export async function setProductArchived(
  tx: Tx,
  actor: Actor,
  productId: string,
  archived: boolean,
  ctx: RequestContext,
  expectedVersion: number | undefined,
  reason?: string,
): Promise<ProductJson> {
  const current = await tx.product.findUnique({ where: { id: productId }, select: productSelect });
  if (!current) throw new NotFoundError(PRODUCT_NOT_FOUND);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
  if ((current.archivedAt !== null) === archived) return toProductJson(current);

  const { count } = await tx.product.updateMany({
    where: versionedWhere(current.id, current.version),
    data: {
      archivedAt: archived ? new Date() : null,
      active: !archived,
      version: { increment: 1 },
      updatedById: actor.userId,
    },
  });
  await assertWritten(count, async () => (await tx.product.count({ where: { id: current.id } })) > 0, PRODUCT_NOT_FOUND);
  await audit(
    {
      action: archived ? "product.archived" : "product.restored",
      actorId: actor.userId,
      targetType: "product",
      targetId: current.id,
      metadata: {
        sku: current.sku,
        changed: ["archived", ...(current.active === !archived ? [] : ["active"])],
        archivedBefore: !archived,
        archivedAfter: archived,
        activeBefore: current.active,
        activeAfter: !archived,
        ...(reason ? { reason } : {}),
      },
      context: ctx,
    },
    tx,
  );
  return toProductJson(await tx.product.findUniqueOrThrow({ where: { id: current.id }, select: productSelect }));
}
