import Link from "next/link";
import { UserX } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function CustomerNotFound() {
  return (
    <Card>
      <EmptyState
        icon={UserX}
        title="No such customer"
        description="No customer has this id. It may have been deleted, or the link may be mistyped."
        action={
          <Link href="/records/customers" className={buttonClasses("secondary", "md")}>
            Back to all customers
          </Link>
        }
      />
    </Card>
  );
}
