"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { getViewer } from "@/lib/auth/viewer";
import { unlinkAccount } from "@/lib/data/sign-in-methods/unlink-account";
import { requestContext } from "@/lib/http/request-context";

export async function unlinkAccountAction(id: string): Promise<ActionResult<{ provider: string }>> {
  return runAction("unlink-account", async () => {
    const result = await unlinkAccount(await getViewer(), { id }, await requestContext());
    revalidatePath("/settings", "layout");
    return result;
  });
}
