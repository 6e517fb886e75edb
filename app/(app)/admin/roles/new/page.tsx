import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { toEditorRoles } from "@/components/admin/roles/editor-roles";
import { RoleEditor } from "@/components/admin/roles/role-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listRoles } from "@/lib/data/roles/list-roles";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage() {
  const viewer = await requirePagePermission("roles.manage");
  // The editor shows the other roles (parents); an impersonated session may not change roles.
  if (!can(viewer, "roles.read") || viewer.impersonatorId) forbidden();
  const roles = await listRoles(viewer);
  return (
    <>
      <Link href="/admin/roles" className="mb-3 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> All roles
      </Link>
      <PageHeader
        title="New role"
        description="Name it, choose what it grants (you can grant only what you hold yourself) and, optionally, a parent to inherit from."
      />
      <RoleEditor role={null} roles={toEditorRoles(roles)} viewerPermissions={[...viewer.permissions]} editable />
    </>
  );
}
