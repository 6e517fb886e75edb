// A card holding one list: a header, then the list (usually a <Table>) or, when there is nothing to
// show, an empty state. Static lists on admin pages use it; server-driven lists use the data-table kit.
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";

export function ListCard({
  title,
  description,
  className,
  isEmpty,
  empty,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  isEmpty: boolean;
  empty: { icon: LucideIcon; title: string; description: ReactNode };
  children: ReactNode;
}) {
  return (
    <Card className={cn("overflow-hidden", className)}>
      <CardHeader title={title} description={description} />
      {isEmpty ? <EmptyState icon={empty.icon} title={empty.title} description={empty.description} /> : children}
    </Card>
  );
}
