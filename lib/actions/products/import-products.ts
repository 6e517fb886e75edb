"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { importProducts } from "@/lib/data/products/import-products";
import { requestContext } from "@/lib/http/request-context";
import type { ProductImportInput } from "@/lib/validations/product";

/** The import dialog's commit: every row created in one transaction, or none (field errors per row). */
export async function importProductsAction(
  input: ProductImportInput,
): Promise<ActionResult<{ created: number; skus: string[] }>> {
  return runAction("import-products", async () => {
    const result = await importProducts(await getViewer(), input, await requestContext());
    revalidatePath("/records/products", "layout");
    return result;
  });
}
