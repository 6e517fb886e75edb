"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateOwnProfile } from "@/lib/data/users/update-own-profile";
import { requestContext } from "@/lib/http/request-context";
import type { ProfileInput } from "@/lib/validations/account";

export async function updateProfileAction(input: ProfileInput): Promise<ActionResult<null>> {
  return runAction("update-profile", async () => {
    await updateOwnProfile(await getViewer(), input, await requestContext());
    revalidatePath("/", "layout");
    return null;
  });
}
