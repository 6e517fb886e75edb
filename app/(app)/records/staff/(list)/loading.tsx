import { DataTableSkeleton } from "@/components/ui/data-table/data-table-skeleton";

export default function StaffLoading() {
  return (
    <DataTableSkeleton
      label="Loading staff…"
      titleWidth="w-24"
      filters={["w-72", "w-36"]}
      avatar="size-9"
      lines={["w-40", "w-56"]}
      cells={["h-4 w-20 rounded", "h-4 w-24 rounded"]}
    />
  );
}
