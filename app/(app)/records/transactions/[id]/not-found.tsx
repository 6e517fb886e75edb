import Link from "next/link";
import { ReceiptText } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function TransactionNotFound() {
  return (
    <Card>
      <EmptyState
        icon={ReceiptText}
        title="No such transaction"
        description="No sale has this id. The link may be mistyped."
        action={
          <Link href="/records/transactions" className={buttonClasses("secondary", "md")}>
            Back to all transactions
          </Link>
        }
      />
    </Card>
  );
}
