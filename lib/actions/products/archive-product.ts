"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { archiveProduct } from "@/lib/data/products/archive-product";
import { requestContext } from "@/lib/http/request-context";
import type { ProductJson } from "@/lib/validations/product";

/** The table's "Archive" row action. */
export async function archiveProductAction(id: string): Promise<ActionResult<ProductJson>> {
  return runAction("archive-product", async () => {
    const product = await archiveProduct(await getViewer(), id, await requestContext());
    revalidatePath("/records/products", "layout");
    return product;
  });
}
