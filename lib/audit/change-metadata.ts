// The audit metadata of an edit: `changed` (the fields whose value differs) plus
// `<field>Before` / `<field>After` for each. Fields absent from `after` (undefined) are not part
// of the edit. Used by every record and card edit, so the activity views read one shape.
import type { AuditValue } from "@/lib/audit/audit";

export function changeMetadata<K extends string>(
  before: Partial<Record<K, AuditValue>>,
  after: Partial<Record<K, AuditValue | undefined>>,
): { changed: K[]; metadata: Record<string, AuditValue> } {
  const changed: K[] = [];
  const metadata: Record<string, AuditValue> = {};
  for (const key of Object.keys(after) as K[]) {
    const a = after[key];
    if (a === undefined) continue;
    const b = before[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changed.push(key);
    metadata[`${key}Before`] = b;
    metadata[`${key}After`] = a;
  }
  return { changed, metadata: { changed, ...metadata } };
}
