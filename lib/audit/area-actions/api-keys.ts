// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const API_KEYS_AUDIT_ACTIONS = {
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "service_account.created": "Created a service account",
  "service_account.disabled": "Disabled a service account",
  "service_account.enabled": "Enabled a service account",
} as const;
