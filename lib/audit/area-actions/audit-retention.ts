// Audit actions of the audit retention area: "<entity>.<past-tense verb>": label.
export const AUDIT_RETENTION_AUDIT_ACTIONS = {} as const;
