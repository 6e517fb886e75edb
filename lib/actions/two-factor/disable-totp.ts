"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { requestContext } from "@/lib/http/request-context";
import type { DisableTotpInput } from "@/lib/validations/account";

export async function disableTotpAction(input: DisableTotpInput): Promise<ActionResult<null>> {
  return runAction("disable-totp", async () => {
    await disableTotp(await getViewer(), input, await requestContext());
    revalidatePath("/settings/security");
    return null;
  });
}
