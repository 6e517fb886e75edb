"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteProduct } from "@/lib/data/products/delete-product";
import { requestContext } from "@/lib/http/request-context";

/** The table's "Delete" row action (after confirmation): deleted, or archived when it was ever sold. */
export async function deleteProductAction(
  id: string,
): Promise<ActionResult<{ outcome: "deleted" | "archived"; id: string; saleLines: number }>> {
  return runAction("delete-product", async () => {
    const result = await deleteProduct(await getViewer(), id, await requestContext());
    revalidatePath("/records/products", "layout");
    return { outcome: result.outcome, id: result.id, saleLines: result.outcome === "archived" ? result.saleLines : 0 };
  });
}
