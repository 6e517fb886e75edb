import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, GitBranch, ShieldCheck } from "lucide-react";
import { DeleteRoleButton } from "@/components/admin/roles/delete-role-button";
import { toEditorRoles } from "@/components/admin/roles/editor-roles";
import { RoleEditor } from "@/components/admin/roles/role-editor";
import { RoleMembers } from "@/components/admin/roles/role-members";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { getRole, type RoleDetail } from "@/lib/data/roles/get-role";
import { listRoles } from "@/lib/data/roles/list-roles";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePagePermission("roles.read");
  const { id } = await params;
  let role: RoleDetail;
  try {
    role = await getRole(viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const roles = await listRoles(viewer);
  const beyond = role.effectivePermissions.some((p) => !viewer.permissions.has(p.key));
  const manage = can(viewer, "roles.manage");
  const editable = manage && !viewer.impersonatorId && !beyond;
  const readOnlyReason = !manage
    ? "You can see this role but not change it: that takes the Manage roles permission."
    : viewer.impersonatorId
      ? "Roles cannot be changed from an impersonated session."
      : beyond
        ? "This role grants permissions you do not hold, so you cannot change or delete it."
        : null;
  const held = new Set<string>(viewer.permissions);
  const targets = roles
    .filter((r) => r.id !== role.id)
    .map((r) => {
      const lacks = r.effectivePermissions.some((p) => !held.has(p));
      return { value: r.id, label: lacks ? `${r.name} — grants permissions you do not hold` : r.name, disabled: lacks };
    });

  return (
    <>
      <Link href="/admin/roles" className="mb-3 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> All roles
      </Link>
      <PageHeader
        title={role.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {role.builtIn ? <Badge>Built-in</Badge> : <Badge tone="brand">Custom</Badge>}
            {role.effectiveRequiresTwoFactor ? (
              <Badge tone="success" icon={<ShieldCheck className="size-3" aria-hidden="true" />}>
                {role.requiresTwoFactor ? "Requires 2FA" : `Requires 2FA through ${role.twoFactorFrom?.name}`}
              </Badge>
            ) : null}
            <code className="text-xs">{role.key}</code>
          </span>
        }
        actions={
          editable && !role.builtIn ? (
            <DeleteRoleButton
              roleId={role.id}
              roleName={role.name}
              memberCount={role.memberCount}
              pendingInvitationCount={role.pendingInvitationCount}
              childCount={role.children.length}
              targets={targets}
            />
          ) : null
        }
      />
      <RoleEditor
        key={`${role.id}:${role.name}:${role.permissions.join(",")}:${role.parent?.id}:${role.requiresTwoFactor}:${role.description}`}
        role={{
          id: role.id,
          key: role.key,
          builtIn: role.builtIn,
          name: role.name,
          description: role.description,
          permissions: role.permissions,
          requiresTwoFactor: role.requiresTwoFactor,
          parentId: role.parent?.id ?? null,
        }}
        roles={toEditorRoles(roles)}
        viewerPermissions={[...viewer.permissions]}
        editable={editable}
        readOnlyReason={readOnlyReason}
        aside={
          <>
            <RoleMembers
              roleKey={role.key}
              members={role.members}
              total={role.memberCount}
              linkToUsers={can(viewer, "users.read")}
            />
            {role.children.length ? (
              <Card>
                <CardHeader title="Inherited by" description="These roles hold everything this one grants." />
                <ul className="divide-y divide-border">
                  {role.children.map((c) => (
                    <li key={c.id}>
                      <Link
                        href={`/admin/roles/${c.id}`}
                        className="flex items-center gap-2 px-6 py-2.5 text-sm text-foreground transition hover:bg-muted/40"
                      >
                        <GitBranch className="size-4 text-muted-foreground" aria-hidden="true" />
                        {c.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </>
        }
      />
    </>
  );
}
