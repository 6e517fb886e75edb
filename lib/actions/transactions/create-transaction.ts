"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createTransaction } from "@/lib/data/transactions/create-transaction";
import { requestContext } from "@/lib/http/request-context";
import type { CreateTransactionInput } from "@/lib/validations/transaction";

/** The "New sale" form: records the sale (the server computes its totals) and answers its id. */
export async function createTransactionAction(
  input: CreateTransactionInput,
): Promise<ActionResult<{ id: string; number: number }>> {
  return runAction("transactions-create", async () => {
    const sale = await createTransaction(await getViewer(), input, await requestContext());
    revalidatePath("/records", "layout");
    return { id: sale.id, number: sale.number };
  });
}
