"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { restoreProduct } from "@/lib/data/products/restore-product";
import { requestContext } from "@/lib/http/request-context";
import type { ProductJson } from "@/lib/validations/product";

/** The table's "Restore" row action. */
export async function restoreProductAction(id: string): Promise<ActionResult<ProductJson>> {
  return runAction("restore-product", async () => {
    const product = await restoreProduct(await getViewer(), id, await requestContext());
    revalidatePath("/records/products", "layout");
    return product;
  });
}
