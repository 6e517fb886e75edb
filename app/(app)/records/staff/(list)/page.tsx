import type { Metadata } from "next";
import { StaffTable } from "@/components/staff-records/staff-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listStaff } from "@/lib/data/staff-records/list-staff";
import { can } from "@/lib/rbac/can";
import { parseStaffListQuery } from "@/lib/validations/staff-list-query";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffRecordsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("staff.read");
  const query = parseStaffListQuery(await searchParams);
  const page = await listStaff(viewer, query, { count: true });
  return (
    <>
      <PageHeader
        title="Staff"
        description="Everyone holding the Staff role, with their employee number, phone and hire date. Accounts and roles are managed under Admin → Users."
      />
      <StaffTable
        page={page}
        limit={query.limit}
        sort={query.sort}
        filters={{ q: query.q ?? "", status: query.status ?? "" }}
        canEdit={can(viewer, "staff.write")}
      />
    </>
  );
}
