import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Inbox } from "lucide-react";
import { DeliveriesTable } from "@/components/audit-streams/deliveries-table";
import { StreamCard } from "@/components/audit-streams/stream-card";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { getAuditStream, RECENT_DELIVERIES } from "@/lib/data/audit-streams/get-audit-stream";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit stream" };

export default async function AuditStreamPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePagePermission("audit.manage");
  const { id } = await params;
  const stream = await getAuditStream(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const now = new Date();
  const { deliveries, pendingEvents, ...json } = stream;
  return (
    <div className="space-y-6">
      <h1 className="sr-only">Audit stream {json.name}</h1>
      <Link
        href="/logs/streams"
        className="inline-flex items-center gap-1.5 text-sm font-medium text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> All streams
      </Link>
      <StreamCard stream={json} now={now} pendingEvents={pendingEvents} afterDelete="/logs/streams" />
      <Card>
        <CardHeader
          title="Recent deliveries"
          description={`The last ${RECENT_DELIVERIES} attempts, newest first. The same event keeps its id on every retry.`}
        />
        {deliveries.length ? (
          <DeliveriesTable deliveries={deliveries} now={now} />
        ) : (
          <EmptyState
            icon={Inbox}
            title="No deliveries yet"
            description="Attempts appear here as events are sent. Send a test event to check the endpoint now."
          />
        )}
      </Card>
    </div>
  );
}
