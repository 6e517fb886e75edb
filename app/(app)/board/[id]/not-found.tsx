import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function BoardNotFound() {
  return (
    <Card>
      <EmptyState
        icon={SearchX}
        title="No such board"
        description="Either it does not exist, or you are not one of its members. Ask an owner of the board to add you."
        action={
          <Link href="/board" className={buttonClasses("secondary", "md")}>
            Back to your boards
          </Link>
        }
      />
    </Card>
  );
}
