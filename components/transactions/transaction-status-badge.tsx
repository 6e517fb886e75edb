import { Badge, type BadgeTone } from "@/components/ui/badge";
import { TRANSACTION_STATUS_LABELS, type TransactionStatus } from "@/lib/validations/transaction";

const TONES: Record<TransactionStatus, BadgeTone> = {
  completed: "success",
  voided: "neutral",
  refunded: "danger",
  partially_refunded: "warning",
};

export function TransactionStatusBadge({ status }: { status: TransactionStatus }) {
  return (
    <Badge tone={TONES[status]} dot>
      {TRANSACTION_STATUS_LABELS[status]}
    </Badge>
  );
}
