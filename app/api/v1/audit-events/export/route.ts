import { withApi } from "@/lib/api/with-api";
import { ValidationError } from "@/lib/errors";
import { AUDIT_EXPORT_FORMATS, exportAuditEvents, type AuditExportFormat } from "@/lib/data/audit/export-audit-events";
import { parseAuditListQueryStrict } from "@/lib/validations/audit-list-query";

/**
 * GET /api/v1/audit-events/export?format=csv|jsonl&<the list's filters>: every event matching the
 * filter, newest first, streamed as text/csv (header row; cells starting with = + - @ quoted
 * against formula injection; metadata as JSON text) or as JSON Lines (one event per line, the
 * list's shape). `cursor` and `limit` are ignored: the export starts at the top. Audited
 * (audit.exported). The "Export" menu on /logs/events points here with the browser session; a
 * cookie-carrying request that another site started (Sec-Fetch-Site cross-site/same-site) is 403.
 */
export const GET = withApi(
  async (ctx) => {
    const params = new URLSearchParams(ctx.searchParams);
    const format = (params.get("format") ?? "csv") as AuditExportFormat;
    if (!AUDIT_EXPORT_FORMATS.includes(format)) throw new ValidationError({ format: ["format is csv or jsonl."] });
    params.delete("format");
    params.delete("cursor");
    params.delete("limit");
    params.delete("total");
    const query = parseAuditListQueryStrict(params);
    const result = await exportAuditEvents(ctx.actor, query, format, ctx);
    return new Response(result.body, {
      status: 200,
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  // Audited and streams the whole log: with cookies, only from this app's own pages.
  { permission: "audit.read", sameOriginReads: true },
);
