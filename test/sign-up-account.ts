// An account made through the real sign-up path. The sign-up answer names no account (a taken
// address must look exactly like a free one), so tests find the new row by its address.
import { db } from "@/lib/db";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { signUpInput, testContext } from "@/test/helpers";

export async function signUpAccount(input: ReturnType<typeof signUpInput> = signUpInput()) {
  await signUpUser(input, testContext());
  return db.user.findUniqueOrThrow({
    where: { email: input.email },
    select: { id: true, username: true, email: true, firstName: true, lastName: true, createdAt: true },
  });
}
