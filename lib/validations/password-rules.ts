// The cheap password rules (length, printable characters), checked by the shared form schemas in
// the browser and on the server. The guessability policy (zxcvbn with ~800 kB of dictionaries) is in
// password-strength.ts: the server applies it, the browser loads it only for the strength meter
// (load-password-strength.ts), so a page does not ship it just because it imports a schema.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1000;
/** The least zxcvbn score (0–4) the policy accepts; the meter marks it "good to go". */
export const PASSWORD_MIN_SCORE = 3;

/** Problem with a password's length or characters, or null when they are acceptable. */
export function passwordRuleError(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return "Use printable characters only.";
  return null;
}
