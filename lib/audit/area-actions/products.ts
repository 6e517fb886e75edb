// Audit actions of one area ("<entity>.<past-tense verb>": label shown in activity views),
// merged into lib/audit/actions.ts.
export const PRODUCTS_AUDIT_ACTIONS = {
  "product.created": "Created a product",
  "product.updated": "Changed a product",
  "product.stock_adjusted": "Adjusted a product's stock",
  "product.archived": "Archived a product",
  "product.restored": "Restored an archived product",
  "product.deleted": "Deleted a product",
  "product.imported": "Imported products from a CSV file",
  "product.exported": "Exported products as CSV",
} as const;
