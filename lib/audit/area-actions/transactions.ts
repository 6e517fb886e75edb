// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const TRANSACTIONS_AUDIT_ACTIONS = {
  "transaction.created": "Recorded a sale",
  "transaction.voided": "Voided a sale",
  "transaction.refunded": "Refunded a sale",
  "transaction.exported": "Exported transactions as CSV",
} as const;
