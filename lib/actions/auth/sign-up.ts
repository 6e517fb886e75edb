"use server";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { requestContext } from "@/lib/http/request-context";
import type { SignUpInput } from "@/lib/validations/auth";

export async function signUpAction(input: SignUpInput): Promise<ActionResult<{ email: string }>> {
  return runAction("sign-up", async () => {
    // The same answer for a free and a taken address: the page that follows must not differ either.
    const { email } = await signUpUser(input, await requestContext());
    return { email };
  });
}
