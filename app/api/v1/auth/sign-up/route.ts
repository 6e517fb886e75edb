import { json, withApi } from "@/lib/api/with-api";
import { signUpUser } from "@/lib/data/users/sign-up-user";

/** POST /api/v1/auth/sign-up: create an account (the same rules as the sign-up page). */
export const POST = withApi(async (ctx) => {
  const user = await signUpUser(await ctx.json(), ctx);
  return json({ data: { ...user, emailVerified: false } }, { status: 201 });
});
