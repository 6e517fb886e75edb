"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createProduct } from "@/lib/data/products/create-product";
import { requestContext } from "@/lib/http/request-context";
import type { CreateProductInput, ProductJson } from "@/lib/validations/product";

/** The create dialog's save: the values as the API takes them (the dialog converts "12.50" → 1250). */
export async function createProductAction(input: CreateProductInput): Promise<ActionResult<ProductJson>> {
  return runAction("create-product", async () => {
    const product = await createProduct(await getViewer(), input, await requestContext());
    revalidatePath("/records/products", "layout");
    return product;
  });
}
