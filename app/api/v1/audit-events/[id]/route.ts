import { json, withApi } from "@/lib/api/with-api";
import { getAuditEvent } from "@/lib/data/audit/get-audit-event";

/** GET /api/v1/audit-events/{id}: `{ data }`, the event with its diff (changed fields, list changes); 404 for an unknown id. */
export const GET = withApi(
  async (ctx) => json({ data: await getAuditEvent(ctx.actor, ctx.params.id) }),
  { permission: "audit.read" },
);
