// Schemas of the identity forms. The same schema validates the form in the browser, the server
// action and the route handler. New passwords get the cheap rules here; the guessability policy
// (zxcvbn) is applied on the server only (sign-up-server.ts, the password DAL functions).
import { z } from "zod";
import { IDENTIFIER_MAX_LENGTH, SIGN_IN_MESSAGES } from "@/lib/validations/sign-in-rules";
import { PASSWORD_MAX_LENGTH, passwordRuleError } from "@/lib/validations/password-rules";

const noControlChars = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);

export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(
    /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$/,
    "Use letters, digits, dots, dashes and underscores; start and end with a letter or digit.",
  )
  .transform((v) => v.toLowerCase());

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((v) => v.toLowerCase());

export const nameSchema = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(100, "Use at most 100 characters.")
    .refine(noControlChars, "Use printable characters only.");

export const MINIMUM_AGE = 13;

/** Age in whole years on `today` of someone born on `dob` (both UTC dates). */
export function ageOn(dob: Date, today: Date): number {
  let age = today.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < dob.getUTCMonth() ||
    (today.getUTCMonth() === dob.getUTCMonth() && today.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** A calendar date "YYYY-MM-DD" that exists, is in the past and makes the person at least 13. */
export const dateOfBirthSchema = z
  .string({ error: "Enter your date of birth." })
  .trim()
  // Empty is "missing", not "malformed": the browser's date field shows its own format, not YYYY-MM-DD.
  .min(1, { error: "Enter your date of birth.", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .transform((value, ctx) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    if (y < 1900) {
      ctx.addIssue({ code: "custom", message: "Enter a year from 1900 on." });
      return z.NEVER;
    }
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: "custom", message: "This date does not exist." });
      return z.NEVER;
    }
    const now = new Date();
    if (date.getTime() >= now.getTime()) {
      ctx.addIssue({ code: "custom", message: "Date of birth must be in the past." });
      return z.NEVER;
    }
    if (ageOn(date, now) < MINIMUM_AGE) {
      ctx.addIssue({ code: "custom", message: `You must be at least ${MINIMUM_AGE} years old.` });
      return z.NEVER;
    }
    return date;
  });

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/**
 * The cheap rules of a new password and its repetition, for every form that sets one (sign-up,
 * accepting an invitation).
 */
export function checkNewPasswordPair(v: { password: string; confirmPassword: string }, ctx: z.RefinementCtx): void {
  const problem = passwordRuleError(v.password);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  if (v.password !== v.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
  }
}

export const signUpSchema = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    firstName: nameSchema("first name"),
    lastName: nameSchema("last name"),
    dateOfBirth: dateOfBirthSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the password." }),
    /**
     * Applying for a staff account (off unless asked for): the account is then created pending and
     * holds no permission until someone with staff.approve approves it (lib/data/staff).
     */
    applyForStaff: z.boolean({ error: "Answer with true or false." }).optional().default(false),
  })
  .superRefine(checkNewPasswordPair);

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  identifier: z
    .string({ error: SIGN_IN_MESSAGES.identifier })
    .trim()
    .min(1, SIGN_IN_MESSAGES.identifier)
    .max(IDENTIFIER_MAX_LENGTH, SIGN_IN_MESSAGES.identifierTooLong)
    .transform((v) => v.toLowerCase()),
  password: z.string({ error: SIGN_IN_MESSAGES.password }).min(1, SIGN_IN_MESSAGES.password).max(PASSWORD_MAX_LENGTH),
  remember: z.boolean().default(false),
});

export type SignInInput = z.input<typeof signInSchema>;

export const tokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, "This link is malformed.");
