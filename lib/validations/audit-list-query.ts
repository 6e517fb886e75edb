// The activity log's query (/logs/events, GET /api/v1/audit-events and its export): newest first
// (sort=seq for oldest first), keyset cursor on seq, and filters: who acted (`actor` an id,
// `actor_name` a name or username), `user` (events a person acted in or was the target of), an
// action or an action group (`auth.*`), the target's type and id, the outcome, the IP address, a
// date range (`range` a preset relative to now, or `from`/`to`), and `q` over the metadata and the
// actor's and target's names.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";
import { dateParam, exclusiveEnd, recordIdParam } from "@/lib/validations/date-param";

export const AUDIT_SORT_KEYS = ["seq"] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];

export const AUDIT_OUTCOMES = ["success", "failure"] as const;
export const AUDIT_ACTOR_TYPES = ["user", "api_key", "impersonator", "anonymous", "system"] as const;

/** Date-range presets of the filter bar, relative to the time of the request. */
export const AUDIT_RANGE_PRESETS = {
  "1h": { label: "Last hour", ms: 60 * 60 * 1000 },
  "24h": { label: "Last 24 hours", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * 60 * 1000 },
  "30d": { label: "Last 30 days", ms: 30 * 24 * 60 * 60 * 1000 },
} as const;
export type AuditRangePreset = keyof typeof AUDIT_RANGE_PRESETS;
const RANGE_KEYS = Object.keys(AUDIT_RANGE_PRESETS) as [AuditRangePreset, ...AuditRangePreset[]];

const auditListQuery = defineListQuery({
  sortKeys: AUDIT_SORT_KEYS,
  defaultSort: { key: "seq", direction: "desc" },
  filters: {
    actor: recordIdParam,
    actor_name: z
      .string()
      .trim()
      .min(1)
      .max(100, "Keep the name under 100 characters.")
      .refine((v) => !v.includes("\u0000"), "The name cannot contain NUL characters."),
    actor_type: z.enum(AUDIT_ACTOR_TYPES, { error: `actor_type is one of ${AUDIT_ACTOR_TYPES.join(", ")}.` }),
    user: recordIdParam,
    action: z
      .string()
      .trim()
      .max(80, "That is not an action.")
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*|\.\*)$/, "Use an action (auth.sign_in_failed) or a group (auth.*)."),
    target_type: z
      .string()
      .trim()
      .max(40, "That is not a target type.")
      .regex(/^[a-z][a-z0-9_]*$/, "That is not a target type."),
    target_id: recordIdParam,
    outcome: z.enum(AUDIT_OUTCOMES, { error: "outcome is success or failure." }),
    ip: z
      .string()
      .trim()
      .max(45, "That is not an IP address.")
      .regex(/^[0-9A-Fa-f:.]+$/, "That is not an IP address."),
    range: z.enum(RANGE_KEYS, { error: `range is one of ${RANGE_KEYS.join(", ")}.` }),
    from: dateParam(false).transform((p) => p.at),
    // Exclusive: a date means before the next midnight.
    to: dateParam(true).transform(exclusiveEnd),
  },
});

export const auditListQuerySchema = auditListQuery.schema;
export const parseAuditListQuery = auditListQuery.parse;
export const parseAuditListQueryStrict = auditListQuery.parseStrict;
export const AUDIT_FILTER_KEYS = auditListQuery.filterKeys;
export const DEFAULT_AUDIT_SORT: SortSpec<AuditSortKey> = auditListQuery.defaultSort;
export type AuditListQuery = ReturnType<typeof parseAuditListQuery>;

/** An empty query (newest first, every event): for callers building one in code (bench, tests). */
export function emptyAuditListQuery(overrides: Partial<AuditListQuery> = {}): AuditListQuery {
  return { ...parseAuditListQuery({}), ...overrides };
}

/** The filter's time window: the preset's (relative to `now`) or from/to. `to` is exclusive. */
export function auditTimeWindow(
  query: Pick<AuditListQuery, "range" | "from" | "to">,
  now: Date = new Date(),
): { from: Date | undefined; to: Date | undefined } {
  if (query.range) return { from: new Date(now.getTime() - AUDIT_RANGE_PRESETS[query.range].ms), to: undefined };
  return { from: query.from, to: query.to };
}
