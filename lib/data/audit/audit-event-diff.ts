// The readable diff of an event: the field pairs of an edit (lib/audit/change-metadata.ts writes
// `<field>Before` / `<field>After`), a plain `before`/`after` pair (a user's roles), and lists that
// gained or lost entries (`added`/`removed`, `<field>Added`/`<field>Removed`, or a before/after
// pair of lists, e.g. a role's permissions).
import type {
  AuditEventDetail,
  AuditFieldChange,
  AuditListChange,
  AuditMetadataValue,
} from "@/lib/validations/audit-event";

/** What a bare before/after pair is about, per action. */
const PAIR_FIELD: Record<string, string> = { "admin.user_roles_changed": "roles" };

const isStringList = (v: AuditMetadataValue | undefined): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");

function listChange(field: string, before: string[], after: string[]): AuditListChange {
  return { field, added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

export function auditEventDiff(action: string, metadata: Record<string, AuditMetadataValue>): AuditEventDetail["diff"] {
  const fields: AuditFieldChange[] = [];
  const lists: AuditListChange[] = [];
  const pairFields = new Set<string>();
  for (const key of Object.keys(metadata)) {
    const m = /^(.+)Before$/.exec(key);
    if (m?.[1] && `${m[1]}After` in metadata) pairFields.add(m[1]);
  }
  if ("before" in metadata && "after" in metadata) pairFields.add("");
  // `changed` lists the edit's fields in order; any other pairs follow.
  const changed = isStringList(metadata.changed) ? metadata.changed : [];
  const ordered = [...changed.filter((f) => pairFields.has(f)), ...[...pairFields].filter((f) => !changed.includes(f))];
  for (const field of ordered) {
    const before = (field ? metadata[`${field}Before`] : metadata.before) ?? null;
    const after = (field ? metadata[`${field}After`] : metadata.after) ?? null;
    const name = field || (PAIR_FIELD[action] ?? "value");
    fields.push({ field: name, before, after });
    if (isStringList(before) && isStringList(after)) lists.push(listChange(name, before, after));
  }
  const listed = new Set(lists.map((l) => l.field));
  const addRemove: [string, string, string][] = [];
  if (isStringList(metadata.added) || isStringList(metadata.removed)) addRemove.push(["", "added", "removed"]);
  for (const key of Object.keys(metadata)) {
    const m = /^(.+)Added$/.exec(key);
    if (m?.[1]) addRemove.push([m[1], key, `${m[1]}Removed`]);
  }
  for (const [field, addedKey, removedKey] of addRemove) {
    const name = field || (PAIR_FIELD[action] ?? "items");
    if (listed.has(name)) continue;
    const added = metadata[addedKey];
    const removed = metadata[removedKey];
    lists.push({ field: name, added: isStringList(added) ? added : [], removed: isStringList(removed) ? removed : [] });
  }
  return { fields, lists };
}
