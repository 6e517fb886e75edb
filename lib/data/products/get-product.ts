// One product by id (products.read). Every product is visible to whoever may read products; an id
// that is malformed or matches nothing is the same 404.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { productSelect, toProductJson } from "@/lib/data/products/product-record";
import { productIdSchema, type ProductJson } from "@/lib/validations/product";

export const PRODUCT_NOT_FOUND = "Product not found.";

/** The id, or a 404 for anything that cannot be one. */
export function parseProductId(id: unknown): string {
  const parsed = productIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(PRODUCT_NOT_FOUND);
  return parsed.data;
}

export async function getProduct(actor: Actor | null, id: unknown): Promise<ProductJson> {
  requirePermission(actor, "products.read");
  const row = await db.product.findUnique({ where: { id: parseProductId(id) }, select: productSelect });
  if (!row) throw new NotFoundError(PRODUCT_NOT_FOUND);
  return toProductJson(row);
}
