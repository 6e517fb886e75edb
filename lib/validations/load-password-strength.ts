// The browser's way to zxcvbn: a dynamic import, so its dictionaries (~800 kB gzipped) load only
// where a new password is typed, when the field is focused or the meter first needs a score.
import type { passwordStrength } from "@/lib/validations/password-strength";

export type PasswordStrengthFn = typeof passwordStrength;

let loading: Promise<PasswordStrengthFn> | null = null;

/** zxcvbn's scorer, loaded once; a failed load (e.g. offline) is retried on the next call. */
export function loadPasswordStrength(): Promise<PasswordStrengthFn> {
  loading ??= import("@/lib/validations/password-strength").then(
    (m) => m.passwordStrength,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Starts the load ahead of need (on focus of a new-password field); failures surface in the meter's own load. */
export function preloadPasswordStrength(): void {
  loadPasswordStrength().catch(() => {});
}
