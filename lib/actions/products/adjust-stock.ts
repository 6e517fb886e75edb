"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { adjustStock } from "@/lib/data/products/adjust-stock";
import { requestContext } from "@/lib/http/request-context";
import type { AdjustStockInput, ProductJson } from "@/lib/validations/product";

/** The "Adjust stock" dialog: a signed change with a reason, applied to the current stock (no version: it composes with sales). */
export async function adjustStockAction(id: string, input: AdjustStockInput): Promise<ActionResult<ProductJson>> {
  return runAction("adjust-stock", async () => {
    const product = await adjustStock(await getViewer(), id, input, await requestContext());
    revalidatePath("/records/products", "layout");
    return product;
  });
}
