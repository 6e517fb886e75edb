// The retention period in effect. It is a server setting (AUDIT_RETENTION_DAYS), not editable here:
// shortening it deletes history, which should take a deliberate change to the deployment.
import { Archive, Infinity as Forever } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

const n = new Intl.NumberFormat("en");

export function RetentionCard({
  retentionDays,
  cutoff,
  oldestEvent,
  prunedTotal,
}: {
  retentionDays: number;
  cutoff: Date | null;
  oldestEvent: { seq: number; createdAt: Date } | null;
  prunedTotal: number;
}) {
  const Icon = retentionDays > 0 ? Archive : Forever;
  return (
    <Card>
      <CardHeader title="Retention" description="How long the activity log keeps events." />
      <CardBody className="space-y-4">
        <div className="flex items-start gap-3">
          <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-soft">
            <Icon className="size-5 text-brand" aria-hidden="true" />
          </div>
          <div className="min-w-0">
            <p className="text-lg font-semibold text-foreground" data-testid="retention-setting">
              {retentionDays > 0 ? `${n.format(retentionDays)} day${retentionDays === 1 ? "" : "s"}` : "Kept forever"}
            </p>
            <p className="text-sm text-muted-foreground">
              {retentionDays > 0 && cutoff
                ? `Once a day, events from before ${formatDateTime(cutoff)} are deleted.`
                : "Retention is off: no event is ever deleted."}
            </p>
          </div>
        </div>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div className="rounded-lg bg-muted/50 px-3 py-2">
            <dt className="text-muted-foreground">Oldest event kept</dt>
            <dd className="font-medium tabular-nums text-foreground">
              {oldestEvent ? `seq ${n.format(oldestEvent.seq)}, ${formatDateTime(oldestEvent.createdAt)}` : "None yet"}
            </dd>
          </div>
          <div className="rounded-lg bg-muted/50 px-3 py-2">
            <dt className="text-muted-foreground">Pruned so far</dt>
            <dd className="font-medium tabular-nums text-foreground">
              {n.format(prunedTotal)} event{prunedTotal === 1 ? "" : "s"}
            </dd>
          </div>
        </dl>
        <p className="text-sm text-muted-foreground">
          Set on the server with <code className="font-mono text-xs text-foreground">AUDIT_RETENTION_DAYS</code>{" "}
          (default 365; 0 keeps everything), read when the app starts. Each pruning leaves a signed anchor recording
          where the chain now starts, so the remaining events still verify;{" "}
          <code className="font-mono text-xs text-foreground">npm run audit:prune -- --dry-run</code> shows what the
          next run would remove.
        </p>
      </CardBody>
    </Card>
  );
}
