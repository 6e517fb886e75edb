// Password strength with zxcvbn-ts: the same function runs in the browser (meter) and on the
// server (the policy in the shared zod schema).
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

let configured = false;
function configure() {
  if (configured) return;
  zxcvbnOptions.setOptions({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  configured = true;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1000;
export const PASSWORD_MIN_SCORE = 3;

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; warning: string; suggestions: string[] };

/** Scores a password; `userInputs` (username, email, names) count as guessable words. */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  configure();
  // zxcvbn is quadratic in length; the first 100 characters decide the score well enough.
  const result = zxcvbn(password.slice(0, 100), userInputs.filter(Boolean));
  return {
    score: result.score,
    warning: result.feedback.warning ?? "",
    suggestions: result.feedback.suggestions,
  };
}

/** Problem with a password under the policy, or null when it is acceptable. */
export function passwordPolicyError(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return "Use printable characters only.";
  const { score, warning } = passwordStrength(password, userInputs);
  if (score < PASSWORD_MIN_SCORE) {
    return `This password is too easy to guess${warning ? `: ${warning.replace(/\.$/, "")}` : ""}. Add more words or characters.`;
  }
  return null;
}
