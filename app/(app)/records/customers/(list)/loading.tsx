import { DataTableSkeleton } from "@/components/ui/data-table/data-table-skeleton";

export default function CustomersLoading() {
  return (
    <DataTableSkeleton
      label="Loading customers…"
      titleWidth="w-40"
      actions={["w-32", "w-36"]}
      filters={["w-72", "w-40", "w-48"]}
      lines={["w-44", "w-56"]}
      cells={["h-5 w-24 rounded", "h-5 w-16 rounded-full"]}
    />
  );
}
