"use client";
// Columns of the staff table. Ids of sortable columns are the list query's sort keys
// (lib/validations/staff-list-query.ts). The last column holds the row's "Edit" button.
import type { ColumnDef } from "@tanstack/react-table";
import { Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { StaffMember } from "@/lib/data/staff-records/staff-member";
import { parseCalendarDate } from "@/lib/validations/staff-record";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export const staffName = (m: Pick<StaffMember, "firstName" | "lastName">) => `${m.firstName} ${m.lastName}`.trim();

function initials(m: StaffMember): string {
  return `${m.firstName.charAt(0)}${m.lastName.charAt(0)}`.toUpperCase() || m.username.charAt(0).toUpperCase();
}

const none = <span className="text-muted-foreground/70">—</span>;

export function staffColumns({
  canEdit,
  onEdit,
}: {
  canEdit: boolean;
  onEdit: (member: StaffMember) => void;
}): ColumnDef<StaffMember>[] {
  const columns: ColumnDef<StaffMember>[] = [
    {
      id: "name",
      header: "Staff member",
      meta: { label: "Staff member", className: "min-w-64" },
      enableHiding: false,
      cell: ({ row }) => {
        const m = row.original;
        return (
          <div className="flex items-center gap-3">
            <span
              aria-hidden="true"
              className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xs font-semibold text-brand"
            >
              {initials(m)}
            </span>
            <div className="min-w-0">
              <p className="font-medium text-foreground">{staffName(m)}</p>
              <p className="truncate text-xs text-muted-foreground">{m.email}</p>
            </div>
          </div>
        );
      },
    },
    {
      id: "username",
      header: "Username",
      meta: { label: "Username" },
      cell: ({ row }) => <span className="font-mono text-xs text-muted-foreground">@{row.original.username}</span>,
    },
    {
      id: "employeeNumber",
      header: "Employee no.",
      meta: { label: "Employee number", className: "whitespace-nowrap" },
      cell: ({ row }) =>
        row.original.employeeNumber ? (
          <span className="font-mono text-sm text-foreground" data-testid="employee-number">
            {row.original.employeeNumber}
          </span>
        ) : (
          none
        ),
    },
    {
      id: "phone",
      header: "Phone",
      meta: { label: "Phone", className: "whitespace-nowrap" },
      cell: ({ row }) =>
        row.original.phone ? (
          <a href={`tel:${row.original.phone.replace(/[^+0-9]/g, "")}`} className="text-foreground hover:underline">
            {row.original.phone}
          </a>
        ) : (
          none
        ),
    },
    {
      id: "hiredOn",
      header: "Hired",
      sortDescFirst: true,
      meta: { label: "Hire date", className: "whitespace-nowrap" },
      cell: ({ row }) => {
        const date = row.original.hiredOn ? parseCalendarDate(row.original.hiredOn) : null;
        return date ? (
          <time dateTime={row.original.hiredOn!} className="text-muted-foreground">
            {day.format(date)}
          </time>
        ) : (
          none
        );
      },
    },
    {
      id: "status",
      header: "Account",
      meta: { label: "Account status" },
      cell: ({ row }) =>
        row.original.status === "banned" ? (
          <Badge tone="danger" dot>
            Banned
          </Badge>
        ) : (
          <Badge tone="success" dot>
            Active
          </Badge>
        ),
    },
  ];
  if (canEdit) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { label: "Actions", className: "w-px text-right" },
      enableHiding: false,
      cell: ({ row }) => (
        <Button variant="ghost" size="sm" onClick={() => onEdit(row.original)}>
          <Pencil className="size-3.5" aria-hidden="true" />
          Edit<span className="sr-only"> {staffName(row.original)}</span>
        </Button>
      ),
    });
  }
  return columns;
}
