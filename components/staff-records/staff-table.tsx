"use client";
// The staff table on the data-table kit: search and status filter, sortable columns (name, hire
// date, employee number), keyset pagination, and (with staff.write) an "Edit" button per row that
// opens the record's dialog.
import Link from "next/link";
import { IdCard, SearchX } from "lucide-react";
import { useMemo, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table/data-table";
import { useDataTable } from "@/components/ui/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { EditStaffRecordDialog } from "@/components/staff-records/edit-staff-record-dialog";
import { staffColumns } from "@/components/staff-records/staff-columns";
import { StaffToolbar, type StaffFilterValues } from "@/components/staff-records/staff-toolbar";
import type { StaffListPage } from "@/lib/data/staff-records/list-staff";
import type { StaffMember } from "@/lib/data/staff-records/staff-member";
import type { SortSpec } from "@/lib/validations/list-query";
import { DEFAULT_STAFF_SORT, STAFF_FILTER_KEYS, STAFF_SORT_KEYS } from "@/lib/validations/staff-list-query";

const HIDDEN_BY_DEFAULT = ["username"] as const;

export function StaffTable({
  page,
  limit,
  sort,
  filters,
  canEdit,
}: {
  page: StaffListPage;
  limit: number;
  sort: SortSpec;
  filters: StaffFilterValues;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const columns = useMemo(() => staffColumns({ canEdit, onEdit: setEditing }), [canEdit]);
  const dt = useDataTable({
    id: "records-staff",
    data: page.items,
    columns,
    getRowId: (m) => m.id,
    sort,
    sortKeys: STAFF_SORT_KEYS,
    defaultSort: DEFAULT_STAFF_SORT,
    page: {
      start: page.start ?? 0,
      total: page.total ?? page.items.length,
      limit,
      nextCursor: page.nextCursor,
      prevCursor: page.prevCursor,
    },
    hiddenByDefault: HIDDEN_BY_DEFAULT,
  });
  const filtered = Boolean(filters.q || filters.status);

  const empty = filtered ? (
    <EmptyState
      icon={SearchX}
      title="No staff members match"
      description={
        filters.q ? `Nobody matches “${filters.q}” with these filters. Try another spelling.` : "Nobody matches this filter."
      }
      action={
        <Link
          href="/records/staff"
          onClick={(e) => {
            e.preventDefault();
            dt.params.del(["q", ...STAFF_FILTER_KEYS]);
          }}
          className={buttonClasses("secondary", "md")}
        >
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={IdCard}
      title="No staff yet"
      description="People appear here once they hold the Staff role: invite them, or approve their staff application."
    />
  );

  return (
    <>
      <DataTable
        dt={dt}
        label="Staff"
        rowTestId="staff-row"
        noun={{ one: "staff member", many: "staff members" }}
        toolbar={({ columnsMenu }) => <StaffToolbar params={dt.params} filters={filters} columnsMenu={columnsMenu} />}
        empty={empty}
      />
      <EditStaffRecordDialog member={editing} onClose={() => setEditing(null)} />
    </>
  );
}
