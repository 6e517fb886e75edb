"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createCustomer } from "@/lib/data/customers/create-customer";
import { requestContext } from "@/lib/http/request-context";
import type { CreateCustomerInput, CustomerJson } from "@/lib/validations/customer";

export async function createCustomerAction(input: CreateCustomerInput): Promise<ActionResult<CustomerJson>> {
  return runAction("create-customer", async () => {
    const result = await createCustomer(await getViewer(), input, await requestContext());
    revalidatePath("/records/customers", "layout");
    return result;
  });
}
