// Audit actions of the audit streams area: "<entity>.<past-tense verb>": label.
export const AUDIT_STREAMS_AUDIT_ACTIONS = {} as const;
