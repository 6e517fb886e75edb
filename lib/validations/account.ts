// Schemas of the account-security forms (2FA, passwords, profile). Shared by forms and actions.
import { z } from "zod";
import { dateOfBirthSchema, emailSchema, nameSchema, newPasswordSchema, tokenSchema } from "@/lib/validations/auth";
import { passwordRuleError } from "@/lib/validations/password-rules";

export const totpCodeSchema = z
  .string({ error: "Enter the 6-digit code from your app." })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app."));

export const secondFactorSchema = z.object({
  method: z.enum(["totp", "recovery"]),
  code: z.string({ error: "Enter a code." }).trim().min(1, "Enter a code.").max(32, "This code is too long."),
});
export type SecondFactorInput = z.input<typeof secondFactorSchema>;

const currentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(1000);

const newPasswordPair = { password: newPasswordSchema, confirmPassword: z.string({ error: "Repeat the password." }) };

/**
 * The cheap password rules and the confirmation match. The guessability policy, against the
 * person's own details, is applied by the DAL (lib/data/passwords/*), which has those details.
 */
function checkNewPassword(v: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  const problem = passwordRuleError(v.password);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  if (v.password !== v.confirmPassword)
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
}

export const changePasswordSchema = z.object({ currentPassword, ...newPasswordPair }).superRefine((v, ctx) => {
  checkNewPassword(v, ctx);
  if (v.currentPassword && v.password === v.currentPassword) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "Choose a password different from the current one." });
  }
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const resetPasswordSchema = z.object({ token: tokenSchema, ...newPasswordPair }).superRefine(checkNewPassword);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const profileSchema = z.object({
  firstName: nameSchema("first name"),
  lastName: nameSchema("last name"),
  dateOfBirth: dateOfBirthSchema,
});
export type ProfileInput = z.input<typeof profileSchema>;

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

export const confirmTotpSchema = z.object({ code: totpCodeSchema });
export type ConfirmTotpInput = z.input<typeof confirmTotpSchema>;

export const disableTotpSchema = z.object({
  currentPassword,
  code: z
    .string({ error: "Enter a code from your app or a recovery code." })
    .trim()
    .min(1, "Enter a code from your app or a recovery code.")
    .max(32),
});
export type DisableTotpInput = z.input<typeof disableTotpSchema>;

export const passwordOnlySchema = z.object({ currentPassword });
export type PasswordOnlyInput = z.input<typeof passwordOnlySchema>;

/** New recovery codes: the password and a current code from the app (not a recovery code). */
export const regenerateRecoveryCodesSchema = z.object({ currentPassword, code: totpCodeSchema });
export type RegenerateRecoveryCodesInput = z.input<typeof regenerateRecoveryCodesSchema>;
