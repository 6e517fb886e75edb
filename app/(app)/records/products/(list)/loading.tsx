import { DataTableSkeleton } from "@/components/ui/data-table/data-table-skeleton";

export default function ProductsLoading() {
  return (
    <DataTableSkeleton
      label="Loading products…"
      titleWidth="w-36"
      actions={["w-32", "w-32", "w-36"]}
      filters={["w-64", "w-40", "w-40", "w-44"]}
      lead="h-3.5 w-24 rounded"
      lines={["w-48", "w-64"]}
      cells={["h-4 w-16 rounded", "h-5 w-14 rounded-full", "h-5 w-20 rounded-full"]}
    />
  );
}
