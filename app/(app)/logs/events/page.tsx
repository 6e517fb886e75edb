import type { Metadata } from "next";
import { AuditEventsTable } from "@/components/logs/audit-events-table";
import { AuditExportMenu } from "@/components/logs/audit-export-menu";
import type { AuditFilterValues } from "@/components/logs/audit-events-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { auditFilterParams } from "@/lib/data/audit/export-audit-events";
import { getAuditEvent } from "@/lib/data/audit/get-audit-event";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { NotFoundError } from "@/lib/errors";
import type { AuditEventDetail } from "@/lib/validations/audit-event";
import { AUDIT_FILTER_KEYS, parseAuditListQuery } from "@/lib/validations/audit-list-query";

export const metadata: Metadata = { title: "Activity log" };

const GROUP_LABELS: Record<string, string> = {
  auth: "Sign-in and security",
  user: "Accounts",
  admin: "Administration",
  audit: "Activity log",
  audit_stream: "Audit streams",
  api_key: "API keys",
  service_account: "Service accounts",
  role: "Roles",
  staff: "Staff",
  invitation: "Invitations",
  impersonation: "Impersonation",
  board: "Boards",
  card: "Cards",
  customer: "Customers",
  product: "Products",
  transaction: "Sales",
  email: "Email",
  analytics: "Analytics",
};

function actionOptions() {
  const entries = Object.entries(AUDIT_ACTIONS as Record<string, string>);
  const groups = [...new Set(entries.map(([a]) => a.slice(0, a.indexOf("."))))].map((g) => ({
    value: `${g}.*`,
    label: `${GROUP_LABELS[g] ?? g} (all)`,
  }));
  const actions = entries
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { groups, actions };
}

export default async function AuditEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("audit.read");
  const raw = await searchParams;
  const query = parseAuditListQuery(raw);
  const eventId = typeof raw.event === "string" ? raw.event : null;
  const [page, event] = await Promise.all([
    listAuditEvents(viewer, query, { count: false }),
    eventId
      ? getAuditEvent(viewer, eventId).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : Promise.resolve<AuditEventDetail | null>(null),
  ]);
  // What the URL says, for the filter controls (only the values the query accepted).
  const rawValue = (key: string) => {
    const v = raw[key];
    return typeof v === "string" ? v : "";
  };
  const filters = Object.fromEntries([
    ["q", query.q ?? ""],
    ...AUDIT_FILTER_KEYS.map((key) => [key, query[key] === undefined ? "" : rawValue(key)]),
  ]) as AuditFilterValues;
  const nameOf = (id: string | undefined, pick: (e: (typeof page.items)[number]) => [string | null | undefined, string | null | undefined]) => {
    if (!id) return undefined;
    for (const e of page.items) {
      const [eid, name] = pick(e);
      if (eid === id && name) return name;
    }
    return undefined;
  };
  const chipNames = {
    actor: nameOf(query.actor, (e) => [e.actor.id, e.actor.name]),
    user: nameOf(query.user, (e) => [e.actor.id, e.actor.name]),
    target_id: nameOf(query.target_id, (e) => [e.target?.id, e.target?.name]),
  };
  return (
    <>
      <PageHeader
        title="Activity log"
        description="Everything people, API keys and the application did, newest first. Open an event for its details."
        actions={<AuditExportMenu filterQuery={auditFilterParams(query).toString()} />}
      />
      <AuditEventsTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={filters}
        actions={actionOptions()}
        chipNames={chipNames}
        event={event}
        eventMissing={Boolean(eventId) && !event}
        now={new Date().toISOString()}
      />
    </>
  );
}
