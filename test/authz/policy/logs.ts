// The authorization matrix's entries for the activity log's viewing and export: /logs/events,
// Settings → Activity, /api/v1/audit-events (list, one event, export). Merged into
// test/authz/access-policy.ts; the shapes and rules are documented there. The event a case reads
// is written through the real audit writer inside the factory (the page suite never calls it).
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId } from "../fixtures";

async function freshEvent(): Promise<string> {
  const { audit } = await import("../../../lib/audit/audit");
  const { db } = await import("../../../lib/db");
  const requestId = `matrix-${Math.random().toString(36).slice(2, 12)}`;
  await audit({ action: "auth.signed_out", metadata: { matrix: true }, context: { ip: null, userAgent: null, requestId } });
  const row = await db.auditEvent.findFirstOrThrow({ where: { requestId }, select: { id: true } });
  return row.id;
}

const READ = perm("audit.read");

export const logsPolicy: AreaPolicy = {
  actions: {},
  routes: {
    "GET /api/v1/audit-events": { access: READ },
    "GET /api/v1/audit-events/[id]": {
      access: READ,
      cases: [
        { label: "an event", setup: async () => ({ params: { id: await freshEvent() } }) },
        { label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    // Each allowed call writes its own audit.exported event (the export is audited).
    "GET /api/v1/audit-events/export": {
      access: READ,
      cases: [
        { label: "CSV of failed sign-ins", setup: async () => ({ query: { action: "auth.sign_in_failed" } }) },
        { label: "JSON Lines", setup: async () => ({ query: { format: "jsonl", range: "1h" } }) },
      ],
    },
  },
  pages: {
    "/logs/events": {
      access: READ,
      cases: [
        { label: "the newest events", setup: async () => ({}) },
        // The page suite runs outside the server (no audit writer there): the drawer of an id that
        // matches nothing answers as the page does.
        { label: "an event's drawer (unknown id)", setup: async () => ({ query: { event: missingId() } }) },
      ],
    },
    "/settings/activity": { access: perm("audit.read_own") },
  },
};
