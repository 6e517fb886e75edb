// Audit actions of external sign-in providers (OpenID Connect / OAuth), merged into
// lib/audit/actions.ts.
export const EXTERNAL_ACCOUNTS_AUDIT_ACTIONS = {
  "auth.external_account_linked": "Linked a sign-in provider",
  "auth.external_account_unlinked": "Unlinked a sign-in provider",
  "auth.external_link_proof_sent": "Emailed a link to confirm a provider link",
  "auth.external_sign_in_refused": "Sign-in through a provider refused",
  "admin.sign_in_provider_updated": "Changed a sign-in provider's settings",
} as const;
