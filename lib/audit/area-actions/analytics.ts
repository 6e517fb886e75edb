// Audit actions of the analytics area: "<entity>.<past-tense verb>": label.
export const ANALYTICS_AUDIT_ACTIONS = {
  "analytics.exported": "Downloaded an analytics report as CSV",
} as const;
