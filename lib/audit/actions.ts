// Every audit action the application writes, with the label the activity views show. The
// business areas keep theirs in lib/audit/area-actions/*.ts.
import { ANALYTICS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/analytics";
import { API_KEYS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/api-keys";
import { AUDIT_LOG_AUDIT_ACTIONS } from "@/lib/audit/area-actions/audit-log";
import { AUDIT_RETENTION_AUDIT_ACTIONS } from "@/lib/audit/area-actions/audit-retention";
import { AUDIT_STREAMS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/audit-streams";
import { BOARDS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/boards";
import { CUSTOMERS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/customers";
import { EMAILS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/emails";
import { EXTERNAL_ACCOUNTS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/external-accounts";
import { PASSKEYS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/passkeys";
import { PRODUCTS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/products";
import { STAFF_RECORDS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/staff-records";
import { TRANSACTIONS_AUDIT_ACTIONS } from "@/lib/audit/area-actions/transactions";

export const AUDIT_ACTIONS = {
  "user.signed_up": "Signed up",
  "user.email_verified": "Verified email address",
  "user.verification_email_sent": "Verification email sent",
  "auth.sign_in_succeeded": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.password_accepted": "Password accepted, second factor pending",
  "auth.first_factor_accepted": "Passkey or provider sign-in accepted, second factor pending",
  "auth.account_locked": "Sign-ins paused after repeated failures",
  "auth.signed_out": "Signed out",
  "auth.session_revoked": "Signed out another device",
  "auth.other_sessions_revoked": "Signed out all other devices",
  "auth.second_factor_failed": "Wrong two-factor code",
  "auth.second_factor_locked": "Two-factor code entry paused",
  "auth.two_factor_enrolment_started": "Started two-factor set-up",
  "auth.two_factor_enabled": "Turned on two-factor authentication",
  "auth.two_factor_disabled": "Turned off two-factor authentication",
  "auth.recovery_codes_regenerated": "Made new recovery codes",
  "auth.recovery_code_used": "Signed in with a recovery code",
  "auth.password_reset_requested": "Asked for a password reset",
  "auth.password_reset": "Reset password",
  "auth.password_changed": "Changed password",
  "user.profile_updated": "Updated profile",
  "user.email_change_requested": "Asked to change email address",
  "user.email_changed": "Changed email address",
  "admin.user_sessions_revoked": "Signed a user out everywhere",
  "admin.two_factor_reset": "Reset a user's two-factor authentication",
  "user.sign_up_duplicate_email": "Sign-up attempted with a registered address",
  "user.email_change_duplicate": "Email change to a registered address attempted",
  "auth.two_factor_cleared_on_reset": "Two-factor removed by a password reset (set up before verification)",
  "audit.head_anchored": "Anchored the audit log at its newest event",
  "role.created": "Created a role",
  "role.updated": "Changed a role",
  "role.deleted": "Deleted a role",
  "admin.user_roles_changed": "Changed a user's roles",
  "admin.user_banned": "Banned a user",
  "admin.user_unbanned": "Lifted a user's ban",
  "admin.user_session_revoked": "Signed a user out of one device",
  "admin.password_reset_forced": "Sent a user a password reset link",
  "admin.verification_resent": "Resent a user's verification email",
  "staff.application_submitted": "Applied for a staff account",
  "staff.application_approved": "Approved a staff application",
  "staff.application_rejected": "Rejected a staff application",
  "invitation.created": "Invited someone",
  "invitation.resent": "Resent an invitation",
  "invitation.revoked": "Revoked an invitation",
  "invitation.accepted": "Accepted an invitation",
  "impersonation.started": "Started impersonating a user",
  "impersonation.stopped": "Stopped impersonating a user",
  ...CUSTOMERS_AUDIT_ACTIONS,
  ...PRODUCTS_AUDIT_ACTIONS,
  ...TRANSACTIONS_AUDIT_ACTIONS,
  ...STAFF_RECORDS_AUDIT_ACTIONS,
  ...API_KEYS_AUDIT_ACTIONS,
  ...EMAILS_AUDIT_ACTIONS,
  ...BOARDS_AUDIT_ACTIONS,
  ...AUDIT_LOG_AUDIT_ACTIONS,
  ...AUDIT_STREAMS_AUDIT_ACTIONS,
  ...AUDIT_RETENTION_AUDIT_ACTIONS,
  ...ANALYTICS_AUDIT_ACTIONS,
  ...PASSKEYS_AUDIT_ACTIONS,
  ...EXTERNAL_ACCOUNTS_AUDIT_ACTIONS,
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/** Actions that record something refused or failed; their events carry outcome "failure". */
export const AUDIT_FAILURE_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  "auth.sign_in_failed",
  "auth.account_locked",
  "auth.second_factor_failed",
  "auth.second_factor_locked",
  "user.sign_up_duplicate_email",
  "user.email_change_duplicate",
  "auth.passkey_sign_in_failed",
  "auth.external_sign_in_refused",
]);
