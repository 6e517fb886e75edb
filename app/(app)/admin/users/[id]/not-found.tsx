import Link from "next/link";
import { UserX } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function UserNotFound() {
  return (
    <Card>
      <EmptyState
        icon={UserX}
        title="No such user"
        description="Nobody has this id. The account may have been deleted, or the link may be mistyped."
        action={
          <Link href="/admin/users" className={buttonClasses("secondary", "md")}>
            Back to all users
          </Link>
        }
      />
    </Card>
  );
}
