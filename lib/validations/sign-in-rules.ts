// The sign-in form's limits and messages, without zod: signInSchema (auth.ts) applies them on the
// server, and the sign-in form (which ships no form library) checks the same in the browser.
export const IDENTIFIER_MAX_LENGTH = 254;

export const SIGN_IN_MESSAGES = {
  identifier: "Enter your username or email.",
  password: "Enter your password.",
  identifierTooLong: `Use at most ${IDENTIFIER_MAX_LENGTH} characters.`,
} as const;
