"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateProduct, type UpdateProductResult } from "@/lib/data/products/update-product";
import { ValidationError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { productVersionSchema, type UpdateProductInput } from "@/lib/validations/product";

/** Saves the edit dialog; `version` is the one the dialog was opened with (a stale save is refused: 412). */
export async function updateProductAction(
  id: string,
  version: number,
  input: UpdateProductInput,
): Promise<ActionResult<UpdateProductResult>> {
  return runAction("update-product", async () => {
    const parsed = productVersionSchema.safeParse(version);
    if (!parsed.success) throw new ValidationError({ _form: ["Reload the product and try again."] });
    const result = await updateProduct(await getViewer(), id, input, await requestContext(), parsed.data);
    revalidatePath("/records/products", "layout");
    return result;
  });
}
