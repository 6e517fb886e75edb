// A stream's delivery state as one chip: healthy (delivering), retrying (a recent failure, backing
// off), failing (five or more failures in a row, still retried hourly), paused (by an admin).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AuditStreamStatus } from "@/lib/validations/audit-stream";

const LOOK: Record<AuditStreamStatus, { tone: BadgeTone; label: string }> = {
  healthy: { tone: "success", label: "Healthy" },
  retrying: { tone: "warning", label: "Retrying" },
  failing: { tone: "danger", label: "Failing" },
  paused: { tone: "neutral", label: "Paused" },
};

export function StreamStatusBadge({ status }: { status: AuditStreamStatus }) {
  const look = LOOK[status];
  return (
    <Badge tone={look.tone} dot data-testid="stream-status">
      {look.label}
    </Badge>
  );
}
