// Every audit action the application writes, with the label the activity views show.
export const AUDIT_ACTIONS = {
  "user.signed_up": "Signed up",
  "user.email_verified": "Verified email address",
  "user.verification_email_sent": "Verification email sent",
  "auth.sign_in_succeeded": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.password_accepted": "Password accepted, second factor pending",
  "auth.account_locked": "Sign-ins paused after repeated failures",
  "auth.signed_out": "Signed out",
  "auth.session_revoked": "Session revoked",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
