import { DataTableSkeleton } from "@/components/ui/data-table/data-table-skeleton";

export default function TransactionsLoading() {
  return (
    <DataTableSkeleton
      label="Loading transactions…"
      titleWidth="w-32"
      filters={["w-72", "w-40", "w-36"]}
      avatar="size-9"
      lines={["w-40", "w-56"]}
      cells={["h-5 w-16 rounded-full", "h-5 w-20 rounded-full"]}
    />
  );
}
