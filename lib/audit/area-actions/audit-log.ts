// Audit actions of the audit log area: "<entity>.<past-tense verb>": label.
export const AUDIT_LOG_AUDIT_ACTIONS = {
  "audit.exported": "Exported the activity log",
} as const;
