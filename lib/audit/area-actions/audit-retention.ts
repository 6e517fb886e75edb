// Audit actions of the audit retention area: "<entity>.<past-tense verb>": label.
export const AUDIT_RETENTION_AUDIT_ACTIONS = {
  "audit.pruned": "Pruned audit events older than the retention period",
  "audit.verified": "Verified the audit log's integrity",
} as const;
