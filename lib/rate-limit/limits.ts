// Every rate limit of the application, in one table.
import type { LimitSpec } from "@/lib/rate-limit/limiter";

const MINUTE = 60;

export const LIMITS = {
  /** Sign-in attempts from one IP address (a success gives its point back). */
  signInIp: { name: "sign-in-ip", points: 30, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /**
   * Consecutive failed password checks under one lockout key: (account, device) or (account,
   * identifier kind, untrusted source) for sign-ins, (user) for confirmations. Backoff starts after
   * 5, see account-lockout.ts.
   */
  signInAccountFailures: { name: "sign-in-account", points: 10_000, duration: 24 * 60 * MINUTE },
  /** The backoff lock of one lockout key; also admits one attempt at a time past the threshold. */
  signInAccountLock: { name: "sign-in-account-lock", points: 1, duration: 15 * MINUTE },
  /**
   * Password checks of one account (per identifier kind: username or email) from all untrusted
   * sources together: stops guessing spread over many addresses. Browsers with a device cookie
   * for the account are not counted nor stopped. A success gives its point back.
   */
  signInAccountUntrusted: { name: "sign-in-account-untrusted", points: 20, duration: 60 * MINUTE },
  /** Lockout notices to one account's owner: at most one an hour, however many sources get locked. */
  lockoutNotice: { name: "lockout-notice", points: 1, duration: 60 * MINUTE },
  /** Audit rows for refused (throttled) sign-ins: one per key per minute, so a flood cannot grow the log. */
  refusalAudit: { name: "refusal-audit", points: 1, duration: MINUTE },
  /**
   * Mail to one address from sign-ups and email changes naming it (its confirmation, then notices
   * of attempts on an address that already has an account): beyond this, notices are held back, so
   * many IPs cannot flood an owner's inbox.
   */
  mailToAddress: { name: "mail-to-address", points: 3, duration: 60 * MINUTE },
  signUpIp: { name: "sign-up-ip", points: 10, duration: 60 * MINUTE, blockDuration: 60 * MINUTE },
  verificationResendUser: { name: "verify-resend-user", points: 3, duration: 15 * MINUTE },
  verificationResendIp: { name: "verify-resend-ip", points: 10, duration: 15 * MINUTE },
  forgotPasswordIp: { name: "forgot-password-ip", points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  forgotPasswordAccount: { name: "forgot-password-account", points: 3, duration: 60 * MINUTE },
  /** Second-factor codes tried for one user (a success clears them). */
  secondFactorUser: { name: "second-factor-user", points: 10, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  secondFactorIp: { name: "second-factor-ip", points: 30, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /** Invitations one person sends (creates or resends) per hour. */
  invitationInviter: { name: "invitation-inviter", points: 30, duration: 60 * MINUTE },
  /** Invitation mails to one address per hour: the inviter chooses the address. */
  invitationAddress: { name: "invitation-address", points: 5, duration: 60 * MINUTE },
  /** Audit stream "Send test" and "Deliver now" per user (each makes the server call out). */
  auditStreamProbe: { name: "audit-stream-probe", points: 10, duration: 10 * MINUTE },
} as const satisfies Record<string, LimitSpec>;
