// What the role really grants: its own permissions and everything inherited, grouped by resource,
// each with where it comes from (nearest role first).
import { KeyRound, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PERMISSIONS, permissionsByGroup, type Permission } from "@/lib/rbac/permissions";

const GROUPS = permissionsByGroup();

export function EffectivePermissionsPanel({
  effective,
  requiresTwoFactor,
}: {
  /** `from`: "self" for the role's own grant, else the granting role's name; nearest first. */
  effective: { key: Permission; from: string[] }[];
  requiresTwoFactor: boolean;
}) {
  const byKey = new Map(effective.map((e) => [e.key, e.from]));
  const groups = GROUPS.map((g) => ({ ...g, held: g.permissions.filter((p) => byKey.has(p)) })).filter(
    (g) => g.held.length > 0,
  );
  return (
    <Card data-testid="effective-permissions">
      <CardHeader
        title="Effective permissions"
        description={`${effective.length} in all, own and inherited.`}
        action={
          requiresTwoFactor ? (
            <Badge tone="success" icon={<ShieldCheck className="size-3" aria-hidden="true" />}>
              2FA
            </Badge>
          ) : null
        }
      />
      {groups.length === 0 ? (
        <div className="flex flex-col items-center px-6 py-8 text-center">
          <KeyRound className="size-6 text-muted-foreground" aria-hidden="true" />
          <p className="mt-2 text-sm text-muted-foreground">No permissions yet. Tick some, or choose a parent role.</p>
        </div>
      ) : (
        <div className="divide-y divide-border">
          {groups.map((g) => (
            <section key={g.group} className="px-6 py-3" aria-label={g.label}>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{g.label}</h3>
              <ul className="mt-2 space-y-1.5">
                {g.held.map((key) => {
                  const from = byKey.get(key)!;
                  const own = from[0] === "self";
                  const inherited = from.filter((f) => f !== "self");
                  return (
                    <li key={key} className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-sm" data-permission={key}>
                      <span className="text-foreground">{PERMISSIONS[key].label}</span>
                      <span className="flex flex-wrap gap-1">
                        {own ? <Badge tone="brand">This role</Badge> : null}
                        {inherited.map((name) => (
                          <Badge key={name} tone="info">
                            from {name}
                          </Badge>
                        ))}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
