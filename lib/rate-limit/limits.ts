// Every rate limit of the application, in one table.
import type { LimitSpec } from "@/lib/rate-limit/limiter";

const MINUTE = 60;

export const LIMITS = {
  /** Sign-in attempts from one IP address (a success gives its point back). */
  signInIp: { name: "sign-in-ip", points: 30, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /** Consecutive failed sign-ins of one account (backoff starts after 5, see account-lockout.ts). */
  signInAccountFailures: { name: "sign-in-account", points: 10_000, duration: 24 * 60 * MINUTE },
  /** The backoff lock of one account; also admits one attempt at a time past the threshold. */
  signInAccountLock: { name: "sign-in-account-lock", points: 1, duration: 15 * MINUTE },
  /** Audit rows for refused (throttled) sign-ins: one per key per minute, so a flood cannot grow the log. */
  refusalAudit: { name: "refusal-audit", points: 1, duration: MINUTE },
  signUpIp: { name: "sign-up-ip", points: 10, duration: 60 * MINUTE, blockDuration: 60 * MINUTE },
  verificationResendUser: { name: "verify-resend-user", points: 3, duration: 15 * MINUTE },
  verificationResendIp: { name: "verify-resend-ip", points: 10, duration: 15 * MINUTE },
  forgotPasswordIp: { name: "forgot-password-ip", points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  forgotPasswordAccount: { name: "forgot-password-account", points: 3, duration: 60 * MINUTE },
  /** Second-factor codes tried for one user (a success clears them). */
  secondFactorUser: { name: "second-factor-user", points: 10, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  secondFactorIp: { name: "second-factor-ip", points: 30, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
} as const satisfies Record<string, LimitSpec>;
