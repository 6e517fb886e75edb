// Password strength with zxcvbn-ts and its dictionaries (~800 kB gzipped). The server applies the
// policy (passwordPolicyError, in the DAL and the server-side sign-up schema); the browser imports
// this module only dynamically, through load-password-strength.ts, for the strength meter.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN_SCORE, passwordRuleError } from "@/lib/validations/password-rules";

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

/** Problem with a password under the whole policy (rules and guessability), or null when it is acceptable. */
export function passwordPolicyError(password: string, userInputs: string[] = []): string | null {
  const ruleProblem = passwordRuleError(password);
  if (ruleProblem) return ruleProblem;
  const { score, warning } = passwordStrength(password, userInputs);
  if (score < PASSWORD_MIN_SCORE) {
    return `This password is too easy to guess${warning ? `: ${warning.replace(/\.$/, "")}` : ""}. Add more words or characters.`;
  }
  return null;
}
