"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { banUser } from "@/lib/data/users/ban-user";
import { requestContext } from "@/lib/http/request-context";
import type { BanUserInput } from "@/lib/validations/admin-user";

export async function banUserAction(input: BanUserInput): Promise<ActionResult<{ sessionsEnded: number }>> {
  return runAction("admin-ban-user", async () => {
    const result = await banUser(await getViewer(), input, await requestContext());
    revalidatePath("/admin/users", "layout");
    return result;
  });
}
