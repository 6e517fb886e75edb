"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateCustomer } from "@/lib/data/customers/update-customer";
import { requestContext } from "@/lib/http/request-context";
import { ValidationError } from "@/lib/errors";
import { customerVersionSchema, type CustomerJson, type UpdateCustomerInput } from "@/lib/validations/customer";

/** Saves the edit dialog; `version` is the one the dialog was opened with (a stale save is refused). */
export async function updateCustomerAction(
  id: string,
  version: number,
  input: UpdateCustomerInput,
): Promise<ActionResult<CustomerJson>> {
  return runAction("update-customer", async () => {
    const parsed = customerVersionSchema.safeParse(version);
    if (!parsed.success) throw new ValidationError({ _form: ["Reload the customer and try again."] });
    const result = await updateCustomer(await getViewer(), id, input, await requestContext(), parsed.data);
    revalidatePath("/records/customers", "layout");
    return result;
  });
}
