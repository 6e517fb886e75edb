// What the user's roles add up to, grouped by resource, each permission with the roles it comes
// from. Before the limits a session applies (an unverified address, a pending staff application).
import { Card, CardHeader } from "@/components/ui/card";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { PERMISSIONS, permissionsByGroup } from "@/lib/rbac/permissions";

export function EffectivePermissionsCard({ user }: { user: UserDetail }) {
  const held = new Set(user.permissions);
  const groups = permissionsByGroup()
    .map((g) => ({ ...g, permissions: g.permissions.filter((p) => held.has(p)) }))
    .filter((g) => g.permissions.length > 0);
  const limits = [
    !user.emailVerified ? "Permissions that send mail or touch records wait until the address is verified." : null,
    user.staffApproval === "pending" ? "While the staff application is pending, the account holds none of them." : null,
  ].filter((x): x is string => x !== null);
  return (
    <Card>
      <CardHeader
        title="Effective permissions"
        description={`Everything the roles grant, inherited permissions included${limits.length ? `. ${limits.join(" ")}` : "."}`}
      />
      {groups.length === 0 ? (
        <p className="px-6 py-5 text-sm text-muted-foreground">These roles grant no permission.</p>
      ) : (
        <dl className="grid gap-x-8 gap-y-5 px-6 py-5 sm:grid-cols-2">
          {groups.map((g) => (
            <div key={g.group}>
              <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{g.label}</dt>
              <dd className="mt-1.5">
                <ul className="space-y-1">
                  {g.permissions.map((p) => (
                    <li key={p} className="flex flex-wrap items-baseline gap-x-2 text-sm text-foreground">
                      {PERMISSIONS[p].label}
                      <span className="text-xs text-muted-foreground">
                        from {(user.permissionSources[p] ?? []).join(", ")}
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
