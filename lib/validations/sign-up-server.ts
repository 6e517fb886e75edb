// The sign-up schema as the server applies it: the shared form schema (cheap password rules) plus
// the guessability policy against the person's own details. It lives apart from auth.ts so that a
// form importing a schema does not ship zxcvbn and its dictionaries.
import "server-only";
import { signUpSchema } from "@/lib/validations/auth";
import { passwordRuleError } from "@/lib/validations/password-rules";
import { passwordPolicyError } from "@/lib/validations/password-strength";

export const signUpServerSchema = signUpSchema.superRefine((v, ctx) => {
  if (passwordRuleError(v.password)) return; // the shared schema has reported it already
  const problem = passwordPolicyError(v.password, [v.username, v.email, v.firstName, v.lastName]);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});
