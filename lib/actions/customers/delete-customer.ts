"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteCustomer } from "@/lib/data/customers/delete-customer";
import { requestContext } from "@/lib/http/request-context";
import { customerVersionSchema } from "@/lib/validations/customer";
import type { DeleteCustomerResult } from "@/lib/data/customers/delete-customer";

/** `version`: the one the row was shown with; a customer changed since is refused (412). */
export async function deleteCustomerAction(id: string, version?: number): Promise<ActionResult<DeleteCustomerResult>> {
  return runAction("delete-customer", async () => {
    const expected = customerVersionSchema.optional().safeParse(version);
    const result = await deleteCustomer(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/records/customers", "layout");
    return result;
  });
}
