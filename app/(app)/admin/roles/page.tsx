import type { Metadata } from "next";
import Link from "next/link";
import { Plus, ShieldCheck } from "lucide-react";
import { RolesTable } from "@/components/admin/roles/roles-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listRoles } from "@/lib/data/roles/list-roles";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const viewer = await requirePagePermission("roles.read");
  const roles = await listRoles(viewer);
  const manage = can(viewer, "roles.manage") && !viewer.impersonatorId;
  const newRole = manage ? (
    <Link href="/admin/roles/new" className={buttonClasses("primary", "md")}>
      <Plus className="size-4" aria-hidden="true" /> New role
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role grants, own and inherited, and how many people hold it. Changes reach members on their next request."
        actions={newRole}
      />
      <Card className="overflow-hidden">
        {roles.length === 0 ? (
          <EmptyState icon={ShieldCheck} title="No roles" description="Run the seed to create the built-in roles." action={newRole} />
        ) : (
          <RolesTable roles={roles} />
        )}
      </Card>
    </>
  );
}
