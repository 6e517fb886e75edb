// Audit actions of passkeys (WebAuthn), merged into lib/audit/actions.ts.
export const PASSKEYS_AUDIT_ACTIONS = {
  "auth.passkey_registered": "Added a passkey",
  "auth.passkey_renamed": "Renamed a passkey",
  "auth.passkey_removed": "Removed a passkey",
  "auth.passkey_used": "Used a passkey",
  "auth.passkey_sign_in_failed": "Passkey refused",
} as const;
