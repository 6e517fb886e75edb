import type { Metadata } from "next";
import { Anchor } from "lucide-react";
import { AnchorsTable } from "@/components/audit-integrity/anchors-table";
import { RetentionCard } from "@/components/audit-integrity/retention-card";
import { VerificationCard } from "@/components/audit-integrity/verification-card";
import { ListCard } from "@/components/ui/list-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { ANCHORS_SHOWN, getAuditIntegrity } from "@/lib/audit/get-audit-integrity";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Integrity and retention" };

export default async function AuditIntegrityPage() {
  const viewer = await requirePagePermission("audit.manage");
  const now = new Date();
  const data = await getAuditIntegrity(viewer, now);
  const last = data.lastVerification;
  return (
    <>
      <PageHeader
        title="Integrity and retention"
        description="Every event seals the one before it with a hash, so an edit, a deletion or an insertion behind the application's back shows up here."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <VerificationCard
          last={
            last
              ? {
                  status: last.status,
                  ok: last.ok,
                  count: last.count,
                  summary: last.summary,
                  brokenAtSeq: last.brokenAtSeq,
                  brokenId: last.brokenId,
                  at: last.at.toISOString(),
                  atLabel: formatDateTime(last.at),
                  byName: last.byName,
                }
              : null
          }
        />
        <RetentionCard
          retentionDays={data.retentionDays}
          cutoff={data.cutoff}
          oldestEvent={data.oldestEvent}
          prunedTotal={data.prunedTotal}
        />
      </div>
      <ListCard
        className="mt-6"
        title="Retention anchors"
        description={
          data.anchorCount > ANCHORS_SHOWN
            ? `The newest ${ANCHORS_SHOWN} of ${data.anchorCount}. Each one marks where a pruning left the chain.`
            : "Each one marks where a pruning left the chain: the remaining events start right after it."
        }
        isEmpty={data.anchors.length === 0}
        empty={{
          icon: Anchor,
          title: "Nothing pruned yet",
          description:
            data.retentionDays > 0
              ? `Events are deleted once they are ${data.retentionDays} days old; the first pruning will appear here.`
              : "Retention is off, so no event has been deleted.",
        }}
      >
        <AnchorsTable anchors={data.anchors} now={now} />
      </ListCard>
    </>
  );
}
