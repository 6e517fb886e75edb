"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { getViewer } from "@/lib/auth/viewer";
import { updateSignInProvider } from "@/lib/data/sign-in-methods/update-sign-in-provider";
import type { ProviderSetting } from "@/lib/data/sign-in-methods/provider-setting";
import { requestContext } from "@/lib/http/request-context";
import type { SignInProviderSettingInput } from "@/lib/validations/sign-in-methods";

export async function updateSignInProviderAction(
  input: SignInProviderSettingInput,
): Promise<ActionResult<ProviderSetting>> {
  return runAction("update-sign-in-provider", async () => {
    const result = await updateSignInProvider(await getViewer(), input, await requestContext());
    revalidatePath("/admin/sign-in-providers");
    return result;
  });
}
