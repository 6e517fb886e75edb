// OpenAPI operations of /api/v1/audit-events (the activity log: list, one event, export), from the
// schemas the routes parse with (lib/validations/audit-list-query.ts, audit-event.ts). The path
// example names the fixture event ("{{auditEvent.id}}", test/openapi/fixtures.ts).
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import { auditEventDetailSchema, auditEventSchema } from "@/lib/validations/audit-event";
import { AUDIT_ACTOR_TYPES, AUDIT_OUTCOMES, AUDIT_RANGE_PRESETS } from "@/lib/validations/audit-list-query";

const filters = {
  sort: z
    .enum(["seq", "-seq"])
    .optional()
    .meta({ description: "`-seq` newest first (default), `seq` oldest first.", example: "-seq" }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Words matched against the metadata and the actor's and target's names.", example: "invalid_password" }),
  actor: z.string().max(64).optional().meta({ description: "Only events by this user id." }),
  actor_name: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "Only events by people whose name, username or email contains this.", example: "ada" }),
  actor_type: z.enum(AUDIT_ACTOR_TYPES).optional().meta({ description: "Only events by this kind of actor." }),
  user: z.string().max(64).optional().meta({ description: "Events this user acted in or was the target of." }),
  action: z
    .string()
    .max(80)
    .optional()
    .meta({ description: "An action (`auth.sign_in_failed`) or a group (`auth.*`).", example: "auth.*" }),
  target_type: z.string().max(40).optional().meta({ description: "Only events on this kind of target.", example: "customer" }),
  target_id: z.string().max(64).optional().meta({ description: "Only events on this target id." }),
  outcome: z.enum(AUDIT_OUTCOMES).optional().meta({ description: "`success` or `failure`.", example: "failure" }),
  ip: z.string().max(45).optional().meta({ description: "Only events from this IP address.", example: "203.0.113.7" }),
  range: z
    .enum(Object.keys(AUDIT_RANGE_PRESETS) as [string, ...string[]])
    .optional()
    .meta({ description: "The last hour, 24 hours, 7 or 30 days (instead of from/to).", example: "24h" }),
  from: z
    .string()
    .optional()
    .meta({ description: "From this date (UTC day) or instant, inclusive.", example: "2026-12-01" }),
  to: z
    .string()
    .optional()
    .meta({ description: "Up to this date (the whole UTC day) or instant, exclusive for instants.", example: "2026-12-31" }),
};

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page (same sort)." }),
  total: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true` adds `total` (the number of matches; costs a count over the matches)." }),
  ...filters,
});

const idParam = z.object({ id: z.string().meta({ description: "The event id.", example: "{{auditEvent.id}}" }) });

export const auditEventsPaths: ZodOpenApiPathsObject = {
  "/api/v1/audit-events": {
    get: {
      operationId: "listAuditEvents",
      tags: ["Activity log"],
      summary: "List audit events",
      description:
        "The activity log, newest first, by keyset pagination (deep pages cost what the first does). Filters combine.",
      "x-permission": "audit.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of events.",
          content: { "application/json": { schema: listEnvelope(auditEventSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/audit-events/{id}": {
    get: {
      operationId: "getAuditEvent",
      tags: ["Activity log"],
      summary: "Get an audit event",
      description: "One event with its diff: each changed field's value before and after, and lists' additions and removals.",
      "x-permission": "audit.read",
      requestParams: { path: idParam },
      responses: {
        "200": {
          description: "The event.",
          content: { "application/json": { schema: recordEnvelope(auditEventDetailSchema) } },
        },
        ...errorResponses(401, 403, 404),
      },
    },
  },
  "/api/v1/audit-events/export": {
    get: {
      operationId: "exportAuditEvents",
      tags: ["Activity log"],
      summary: "Export audit events as CSV or JSON Lines",
      description:
        "Every event matching the filter (the list's parameters; no paging), newest first, streamed: CSV with a header row " +
        "(cells starting with = + - @ get a leading ' so spreadsheets do not run them; metadata as JSON text), or JSON Lines " +
        "(one event per line, the list's shape). Memory stays bounded however many events match. Audited as `audit.exported`.",
      "x-permission": "audit.read",
      requestParams: {
        query: z.object({
          format: z.enum(["csv", "jsonl"]).optional().meta({ description: "`csv` (default) or `jsonl`.", example: "csv" }),
          ...filters,
        }),
      },
      responses: {
        "200": {
          description: "The file (Content-Disposition: attachment).",
          content: {
            "text/csv": {
              schema: z.string().meta({
                example:
                  "id,seq,created_at,action,label,crud,outcome,reason,actor_type,actor_id,actor_name,impersonator_id,api_key_id,target_type,target_id,target_name,request_id,ip,user_agent,metadata\r\n",
              }),
            },
            "application/x-ndjson": { schema: z.string().meta({ description: "One AuditEvent JSON object per line." }) },
          },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
};
