"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { refundTransaction } from "@/lib/data/transactions/refund-transaction";
import { requestContext } from "@/lib/http/request-context";
import { versionSchema, type RefundTransactionInput } from "@/lib/validations/transaction";

/** The receipt's "Refund" dialog: whole or per line; `version` is the one the page showed. */
export async function refundTransactionAction(
  id: string,
  input: RefundTransactionInput,
  version?: number,
): Promise<ActionResult<{ version: number; refundedAmount: number }>> {
  return runAction("transactions-refund", async () => {
    const expected = versionSchema.safeParse(version);
    const sale = await refundTransaction(
      await getViewer(),
      String(id),
      input,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/records", "layout");
    return { version: sale.version, refundedAmount: sale.refundedAmount };
  });
}
