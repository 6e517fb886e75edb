// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const STAFF_RECORDS_AUDIT_ACTIONS = {
  "staff.record_updated": "Updated a staff record",
} as const;
