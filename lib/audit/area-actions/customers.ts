// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const CUSTOMERS_AUDIT_ACTIONS = {
  "customer.created": "Created a customer",
  "customer.updated": "Changed a customer",
  "customer.archived": "Archived a customer",
  "customer.restored": "Restored an archived customer",
  "customer.deleted": "Deleted a customer",
  "customer.imported": "Imported customers from a CSV file",
  "customer.exported": "Exported customers as CSV",
} as const;
