// Schemas of passkeys (WebAuthn): the name a person gives one, and the shape of the browser's
// registration and assertion responses (checked for shape and size here; their cryptography is
// verified in lib/auth/webauthn.ts).
import { z } from "zod";

export const PASSKEY_NAME_MAX = 60;
/** Passkeys one account may hold. */
export const PASSKEY_MAX_PER_USER = 20;

export const passkeyNameSchema = z
  .string({ error: "Name the passkey." })
  .trim()
  .min(1, "Name the passkey.")
  .max(PASSKEY_NAME_MAX, `Use at most ${PASSKEY_NAME_MAX} characters.`)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use printable characters only.");

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a base64url value.");

const credentialCommon = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const registrationResponseSchema = z.object({
  ...credentialCommon,
  response: z.object({
    clientDataJSON: base64url(8_000),
    attestationObject: base64url(64_000),
    authenticatorData: base64url(64_000).optional(),
    transports: z.array(z.string().max(32)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(16_000).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...credentialCommon,
  response: z.object({
    clientDataJSON: base64url(8_000),
    authenticatorData: base64url(16_000),
    signature: base64url(2_000),
    userHandle: base64url(256).optional(),
  }),
});

/** Step 1 of adding a passkey: the password, unless the session checked it minutes ago. */
export const beginPasskeyRegistrationSchema = z.object({
  currentPassword: z.string().max(1000).optional(),
});
export type BeginPasskeyRegistrationInput = z.input<typeof beginPasskeyRegistrationSchema>;

export const finishPasskeyRegistrationSchema = z.object({
  name: passkeyNameSchema,
  response: registrationResponseSchema,
});
export type FinishPasskeyRegistrationInput = z.input<typeof finishPasskeyRegistrationSchema>;

export const renamePasskeySchema = z.object({
  passkeyId: z.string().min(1).max(64),
  name: passkeyNameSchema,
});
export type RenamePasskeyInput = z.input<typeof renamePasskeySchema>;

export const removePasskeySchema = z.object({ passkeyId: z.string().min(1).max(64) });
export type RemovePasskeyInput = z.input<typeof removePasskeySchema>;

export const passkeyAssertionSchema = z.object({
  response: authenticationResponseSchema,
});

export const passkeySignInSchema = z.object({
  response: authenticationResponseSchema,
  remember: z.boolean().default(false),
});
export type PasskeySignInInput = z.input<typeof passkeySignInSchema>;
