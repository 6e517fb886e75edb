// Restores an archived product (products.write): for sale again and back in the default view.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseProductId } from "@/lib/data/products/get-product";
import { setProductArchived } from "@/lib/data/products/set-product-archived";
import type { ProductJson } from "@/lib/validations/product";

export async function restoreProduct(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<ProductJson> {
  requirePermission(actor, "products.write");
  const productId = parseProductId(id);
  return db.$transaction((tx) => setProductArchived(tx, actor, productId, false, ctx, expectedVersion));
}
