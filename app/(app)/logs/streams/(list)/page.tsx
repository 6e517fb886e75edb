import type { Metadata } from "next";
import { RadioTower } from "lucide-react";
import { AddStreamButton } from "@/components/audit-streams/add-stream-button";
import { StreamCard } from "@/components/audit-streams/stream-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listAuditStreams } from "@/lib/data/audit-streams/list-audit-streams";
import { AUDIT_STREAM_LIMITS } from "@/lib/validations/audit-stream";

export const metadata: Metadata = { title: "Audit streams" };

export default async function AuditStreamsPage() {
  const viewer = await requirePagePermission("audit.manage");
  const streams = await listAuditStreams(viewer);
  const now = new Date();
  const full = streams.length >= AUDIT_STREAM_LIMITS.streams;
  return (
    <>
      <PageHeader
        title="Audit streams"
        description="Send the activity log to a SIEM as it happens: in order, signed, retried until the endpoint accepts each event."
        actions={streams.length ? <AddStreamButton disabled={full} /> : null}
      />
      {streams.length ? (
        <div className="space-y-4">
          {streams.map((s) => (
            <StreamCard
              key={s.id}
              stream={s}
              now={now}
              pendingEvents={s.pendingEvents}
              detailHref={`/logs/streams/${s.id}`}
            />
          ))}
          {full ? (
            <p className="text-sm text-muted-foreground">
              {AUDIT_STREAM_LIMITS.streams} streams is the most that can be set up; delete one to add another.
            </p>
          ) : null}
        </div>
      ) : (
        <Card>
          <EmptyState
            icon={RadioTower}
            title="No audit streams yet"
            description="Add an HTTPS endpoint of your SIEM (Splunk, Datadog, Elastic, a webhook collector) and choose which events it receives. Delivery starts with the next event."
            action={<AddStreamButton label="Add your first stream" />}
          />
        </Card>
      )}
    </>
  );
}
