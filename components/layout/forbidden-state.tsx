import { Lock } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export function ForbiddenState({ reason }: { reason?: string }) {
  return (
    <Card>
      <EmptyState
        icon={Lock}
        title="You do not have access to this page"
        description={reason ?? "Ask an administrator for a role that includes it."}
      />
    </Card>
  );
}
