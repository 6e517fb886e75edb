"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setServiceAccountStatus } from "@/lib/data/api-keys/set-service-account-status";
import { requestContext } from "@/lib/http/request-context";

/** Disables a service account (its keys stop at once) or enables it again. */
export async function setServiceAccountStatusAction(
  accountId: string,
  status: "active" | "disabled",
): Promise<ActionResult<{ id: string; status: "active" | "disabled" }>> {
  return runAction("set-service-account-status", async () => {
    const result = await setServiceAccountStatus(
      await getViewer(),
      { id: accountId },
      status === "active" ? "active" : "disabled",
      await requestContext(),
    );
    revalidatePath("/admin/service-accounts", "layout");
    return result;
  });
}
