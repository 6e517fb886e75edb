"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { archiveCustomer } from "@/lib/data/customers/archive-customer";
import type { CustomerJson } from "@/lib/validations/customer";
import { requestContext } from "@/lib/http/request-context";
import { customerVersionSchema } from "@/lib/validations/customer";

/** `version`: the one the row was shown with; a customer changed since is refused (412). */
export async function archiveCustomerAction(id: string, version?: number): Promise<ActionResult<CustomerJson>> {
  return runAction("archive-customer", async () => {
    const expected = customerVersionSchema.optional().safeParse(version);
    const result = await archiveCustomer(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/records/customers", "layout");
    return result;
  });
}
