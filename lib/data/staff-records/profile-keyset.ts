// Keyset pagination of users by a column of their staff record. lib/data/keyset.ts builds
// `where`/`orderBy` over a model's own columns; the staff list sorts users by StaffProfile columns
// (a one-to-one relation that may be missing). Columns named "profile.<field>" are rewritten here
// into relation filters, treating a missing record as NULL in every field, which is also how the
// LEFT JOIN behind the relation's ORDER BY sees it (NULLs last).
import "server-only";

type Where = Record<string, unknown>;
const PREFIX = "profile.";
const LOGICAL = new Set(["AND", "OR", "NOT"]);

function fieldCondition(field: string, value: unknown): Where {
  if (value === null) {
    return { OR: [{ staffProfile: { is: null } }, { staffProfile: { is: { [field]: null } } }] };
  }
  return { staffProfile: { is: { [field]: value } } };
}

/** Rewrites "profile.x" conditions (inside AND/OR/NOT too) into conditions on the staffProfile relation. */
export function profileWhere(where: Where): Where {
  const parts: Where[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (LOGICAL.has(key) && Array.isArray(value)) parts.push({ [key]: value.map((w) => profileWhere(w as Where)) });
    else if (key.startsWith(PREFIX)) parts.push(fieldCondition(key.slice(PREFIX.length), value));
    else parts.push({ [key]: value });
  }
  if (parts.length === 1) return parts[0]!;
  return { AND: parts };
}

export function profileOrderBy(orderBy: Where[]): Where[] {
  return orderBy.map((entry) => {
    const [key, value] = Object.entries(entry)[0] ?? [];
    if (key?.startsWith(PREFIX)) return { staffProfile: { [key.slice(PREFIX.length)]: value } };
    return entry;
  });
}
