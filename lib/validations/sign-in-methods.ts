// Schemas of external sign-in (issue 14): finishing a new account made through a provider, proving
// an existing account, unlinking, and the admin's per-provider settings.
import { z } from "zod";
import { dateOfBirthSchema, nameSchema, tokenSchema, usernameSchema } from "@/lib/validations/auth";
import { PASSWORD_MAX_LENGTH } from "@/lib/validations/password-rules";

export const EXTERNAL_PROVIDER_IDS = ["oidc", "github", "google"] as const;
export const externalProviderIdSchema = z.enum(EXTERNAL_PROVIDER_IDS, { error: "Unknown sign-in provider." });

/** The fields a provider does not give and a new account needs, asked once. */
export const externalSignUpSchema = z.object({
  username: usernameSchema,
  firstName: nameSchema("first name"),
  lastName: nameSchema("last name"),
  dateOfBirth: dateOfBirthSchema,
});
export type ExternalSignUpInput = z.input<typeof externalSignUpSchema>;

export const externalLinkPasswordSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
});
export type ExternalLinkPasswordInput = z.input<typeof externalLinkPasswordSchema>;

export const externalLinkEmailTokenSchema = z.object({ token: tokenSchema });

export const linkedAccountIdSchema = z.object({ id: z.string().min(1).max(64) });

export const signInProviderSettingSchema = z.object({
  provider: externalProviderIdSchema,
  allowSignUp: z.boolean({ error: "Answer with true or false." }),
  trustProviderMfa: z.boolean({ error: "Answer with true or false." }),
});
export type SignInProviderSettingInput = z.input<typeof signInProviderSettingSchema>;
