import { DataTableSkeleton } from "@/components/ui/data-table/data-table-skeleton";

export default function AuditEventsLoading() {
  return (
    <DataTableSkeleton
      label="Loading the activity log…"
      titleWidth="w-40"
      actions={["w-28"]}
      filters={["w-64", "w-52", "w-56", "w-36"]}
      lead="h-3.5 w-20 rounded"
      avatar="size-8"
      lines={["w-44", "w-56"]}
      cells={["h-5 w-24 rounded", "h-5 w-16 rounded-full"]}
    />
  );
}
