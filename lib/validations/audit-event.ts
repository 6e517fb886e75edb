// The serialised audit event, one shape for the log's table and drawer, the REST API and the
// export (CSV, JSONL), plus its CRUD kind. The kind comes from the action's verb by one total rule
// (so an action added tomorrow still gets one) with explicit overrides where the verb misleads.
import { z } from "zod";
import { AUDIT_ACTOR_TYPES, AUDIT_OUTCOMES } from "@/lib/validations/audit-list-query";

export const AUDIT_CRUD_KINDS = ["create", "read", "update", "delete", "action"] as const;
export type AuditCrud = (typeof AUDIT_CRUD_KINDS)[number];

const CRUD_OVERRIDES: Record<string, AuditCrud> = {
  "auth.session_revoked": "action",
  "auth.other_sessions_revoked": "action",
  "admin.user_sessions_revoked": "action",
  "admin.user_session_revoked": "action",
  "auth.password_reset_requested": "action",
  "auth.password_reset": "update",
  "auth.two_factor_enrolment_started": "action",
  "invitation.accepted": "action",
  "card.change_undone": "update",
  "card.reminder_sent": "action",
  "email.sent": "action",
};

const CRUD_BY_VERB: readonly [RegExp, AuditCrud][] = [
  [/(^|_)(created|added|imported|signed_up|submitted|commented|invited)$/, "create"],
  [/(^|_)(exported|viewed|read|listed|downloaded)$/, "read"],
  [/(^|_)(deleted|removed|revoked|pruned)$/, "delete"],
  [
    /(^|_)(updated|changed|moved|adjusted|archived|restored|rebalanced|verified|enabled|disabled|banned|unbanned|regenerated|anchored|reset|voided|refunded|approved|rejected|resent)$/,
    "update",
  ],
];

/** The CRUD kind of an action: an override, else by its verb ("customer.deleted" → delete), else "action". */
export function auditCrud(action: string): AuditCrud {
  const override = CRUD_OVERRIDES[action];
  if (override) return override;
  const verb = action.slice(action.lastIndexOf(".") + 1);
  for (const [pattern, kind] of CRUD_BY_VERB) if (pattern.test(verb)) return kind;
  return "action";
}

export type AuditMetadataValue = string | number | boolean | null | AuditMetadataValue[] | { [k: string]: AuditMetadataValue };

export type AuditEventJson = {
  id: string;
  seq: number;
  createdAt: string;
  actor: {
    id: string | null;
    type: (typeof AUDIT_ACTOR_TYPES)[number];
    name: string | null;
    impersonatorId: string | null;
    apiKeyId: string | null;
  };
  action: string;
  label: string;
  crud: AuditCrud;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  reason: string | null;
  target: { type: string; id: string | null; name: string | null } | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, AuditMetadataValue>;
};

/** One changed field of an edit: the value before and after. */
export type AuditFieldChange = { field: string; before: AuditMetadataValue; after: AuditMetadataValue };
/** A list that changed (roles, permissions, tags): what was added and removed. */
export type AuditListChange = { field: string; added: string[]; removed: string[] };

export type AuditEventDetail = AuditEventJson & { diff: { fields: AuditFieldChange[]; lists: AuditListChange[] } };

const metadataSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: "What the action recorded (its own fields; edits carry `changed` and `<field>Before`/`<field>After`)." });

export const auditEventSchema = z
  .object({
    id: z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" }),
    seq: z.number().int().meta({ description: "Position in the hash chain (strictly increasing).", example: 1042 }),
    createdAt: z.string().meta({ example: "2026-12-01T09:30:00.000Z" }),
    actor: z.object({
      id: z.string().nullable(),
      type: z.enum(AUDIT_ACTOR_TYPES),
      name: z.string().nullable().meta({ description: "The actor's name when the event was written." }),
      impersonatorId: z.string().nullable(),
      apiKeyId: z.string().nullable(),
    }),
    action: z.string().meta({ example: "auth.sign_in_failed" }),
    label: z.string().meta({ example: "Failed sign-in" }),
    crud: z.enum(AUDIT_CRUD_KINDS),
    outcome: z.enum(AUDIT_OUTCOMES),
    reason: z.string().nullable().meta({ example: "invalid_password" }),
    target: z
      .object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() })
      .nullable()
      .meta({ description: "What was acted on; `name` is kept after the target is deleted." }),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    metadata: metadataSchema,
  })
  .meta({ id: "AuditEvent" });

const valueSchema = z.unknown();

export const auditEventDetailSchema = auditEventSchema
  .extend({
    diff: z.object({
      fields: z.array(z.object({ field: z.string(), before: valueSchema, after: valueSchema })),
      lists: z.array(z.object({ field: z.string(), added: z.array(z.string()), removed: z.array(z.string()) })),
    }),
  })
  .meta({ id: "AuditEventDetail" });
