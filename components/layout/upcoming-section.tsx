import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The page of a section whose features have not shipped yet: says so plainly, links nowhere. */
export function UpcomingSection({
  title,
  description,
  icon,
  what,
}: {
  title: string;
  description: string;
  icon: LucideIcon;
  what: string;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState icon={icon} title={`${title} is not available yet`} description={what} />
      </Card>
    </>
  );
}
