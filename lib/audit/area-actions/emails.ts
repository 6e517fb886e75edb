// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const EMAILS_AUDIT_ACTIONS = {
  "email.sent": "Sent an email",
} as const;
