"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { voidTransaction } from "@/lib/data/transactions/void-transaction";
import { requestContext } from "@/lib/http/request-context";
import { versionSchema, type VoidTransactionInput } from "@/lib/validations/transaction";

/** The receipt's "Void" dialog; `version` is the one the page showed (a changed sale is refused). */
export async function voidTransactionAction(
  id: string,
  input: VoidTransactionInput,
  version?: number,
): Promise<ActionResult<{ version: number }>> {
  return runAction("transactions-void", async () => {
    const expected = versionSchema.safeParse(version);
    const sale = await voidTransaction(
      await getViewer(),
      String(id),
      input,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/records", "layout");
    return { version: sale.version };
  });
}
