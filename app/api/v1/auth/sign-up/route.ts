import { json, withApi } from "@/lib/api/with-api";
import { signUpUser } from "@/lib/data/users/sign-up-user";

/**
 * POST /api/v1/auth/sign-up: create an account (the same rules as the sign-up page).
 *
 * Body: `username`, `email`, `firstName`, `lastName`, `dateOfBirth` (YYYY-MM-DD), `password`,
 * `confirmPassword`, and optionally `applyForStaff` (boolean, default false): true applies for a
 * staff account, which is created pending: it signs in but holds no permission and sees only the
 * waiting page until someone with `staff.approve` approves it (Staff role) or rejects it.
 *
 * 201 `{ data: { status: "verification_sent", email } }` for every accepted sign-up, whether or not
 * the address already had an account (its owner is then mailed a notice instead of a link), so the
 * answer names no account. 409 only for a taken username (usernames are public), 422 for invalid
 * fields, 429 past the per-IP limit.
 */
export const POST = withApi(async (ctx) => {
  const answer = await signUpUser(await ctx.json(), ctx);
  return json({ data: answer }, { status: 201 });
});
