// The roles list: name and description, badges, parent, members and what each role grants.
import Link from "next/link";
import { ChevronRight, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RoleListItem } from "@/lib/data/roles/list-roles";

export function RolesTable({ roles }: { roles: RoleListItem[] }) {
  return (
    <Table aria-label="Roles">
      <THead>
        <Tr>
          <Th>Role</Th>
          <Th className="hidden md:table-cell">Inherits from</Th>
          <Th className="text-right">Members</Th>
          <Th className="hidden text-right sm:table-cell">Permissions</Th>
          <Th className="w-8">
            <span className="sr-only">Open</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {roles.map((role) => {
          const inherited = role.effectivePermissions.filter((p) => !role.permissions.includes(p)).length;
          return (
            <Tr key={role.id} interactive className="relative" data-testid="role-row" data-role-key={role.key}>
              <Td className="max-w-md">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/admin/roles/${role.id}`}
                    className="font-medium text-foreground after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-lg focus-visible:after:outline-2 focus-visible:after:outline-brand"
                  >
                    {role.name}
                  </Link>
                  {role.builtIn ? <Badge>Built-in</Badge> : <Badge tone="brand">Custom</Badge>}
                  {role.effectiveRequiresTwoFactor ? (
                    <Badge
                      tone="success"
                      icon={<ShieldCheck className="size-3" aria-hidden="true" />}
                      title={role.requiresTwoFactor ? "Requires 2FA" : `Requires 2FA through ${role.parent?.name ?? "its parent"}`}
                    >
                      2FA{role.requiresTwoFactor ? "" : " (inherited)"}
                    </Badge>
                  ) : null}
                </div>
                {role.description ? (
                  <p className="mt-0.5 line-clamp-2 text-xs text-muted-foreground">{role.description}</p>
                ) : null}
                {role.parent ? (
                  <p className="mt-0.5 text-xs text-muted-foreground md:hidden">Inherits from {role.parent.name}</p>
                ) : null}
              </Td>
              <Td className="hidden text-muted-foreground md:table-cell">{role.parent?.name ?? "—"}</Td>
              <Td className="text-right tabular-nums" data-testid="member-count">
                {role.memberCount}
              </Td>
              <Td className="hidden text-right tabular-nums sm:table-cell" data-testid="permission-count">
                <span className="text-foreground">{role.effectivePermissions.length}</span>
                {inherited > 0 ? (
                  <span className="block text-xs text-muted-foreground">{inherited} inherited</span>
                ) : null}
              </Td>
              <Td>
                <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
