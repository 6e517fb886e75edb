// Audit actions of the audit streams area: "<entity>.<past-tense verb>": label.
export const AUDIT_STREAMS_AUDIT_ACTIONS = {
  "audit_stream.created": "Added an audit stream",
  "audit_stream.updated": "Changed an audit stream",
  "audit_stream.deleted": "Deleted an audit stream",
  "audit_stream.paused": "Paused an audit stream",
  "audit_stream.resumed": "Resumed an audit stream",
  "audit_stream.secret_rotated": "Rotated an audit stream's signing secret",
  "audit_stream.tested": "Sent a test event to an audit stream",
  "audit_stream.delivered_now": "Asked an audit stream to deliver now",
} as const;
