"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { previewProductImport, type ProductImportPreview } from "@/lib/data/products/import-products";
import type { ProductImportInput } from "@/lib/validations/product";

/** The import dialog's preview: every row's outcome and problems; nothing is written. */
export async function previewProductImportAction(input: ProductImportInput): Promise<ActionResult<ProductImportPreview>> {
  return runAction("preview-product-import", async () => previewProductImport(await getViewer(), input));
}
