import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvitationStatus } from "@/lib/validations/invitation";

const look: Record<InvitationStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: "info", label: "Pending" },
  accepted: { tone: "success", label: "Accepted" },
  expired: { tone: "warning", label: "Expired" },
  revoked: { tone: "neutral", label: "Revoked" },
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { tone, label } = look[status];
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}
