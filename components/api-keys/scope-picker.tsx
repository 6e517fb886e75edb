"use client";
// The permission catalogue as grouped checkboxes, limited to what the key may hold (the viewer's
// permissions, or what both a service account and the admin hold). A group's header selects or
// clears the whole group.
import { useId } from "react";
import { RoleCheckbox } from "@/components/admin/roles/role-checkbox";
import { PERMISSIONS, permissionsByGroup, type Permission } from "@/lib/rbac/permissions";

const GROUPS = permissionsByGroup();

export function ScopePicker({
  available,
  value,
  onChange,
  error,
}: {
  available: readonly Permission[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const held = new Set<string>(available);
  const chosen = new Set(value);
  const groups = GROUPS.map((g) => ({ ...g, permissions: g.permissions.filter((p) => held.has(p)) })).filter(
    (g) => g.permissions.length > 0,
  );
  const set = (permissions: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const p of permissions) {
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange([...next]);
  };
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="space-y-2">
      <legend className="text-sm font-medium text-foreground">Scopes</legend>
      <p className="text-sm text-muted-foreground">
        A key can do only what its scopes allow, and never more than its owner.
      </p>
      <div className="grid max-h-72 gap-3 overflow-y-auto rounded-lg border border-border p-3 sm:grid-cols-2">
        {groups.map((group) => {
          const count = group.permissions.filter((p) => chosen.has(p)).length;
          return (
            <div key={group.group} className="space-y-1.5">
              <label className="flex items-center gap-2 text-sm font-semibold text-foreground">
                <RoleCheckbox
                  checked={count === group.permissions.length}
                  indeterminate={count > 0 && count < group.permissions.length}
                  onChange={(e) => set(group.permissions, e.target.checked)}
                  aria-label={`All of ${group.label}`}
                />
                {group.label}
              </label>
              <ul className="space-y-1 pl-6">
                {group.permissions.map((p) => (
                  <li key={p}>
                    <label className="flex items-start gap-2 text-sm text-foreground">
                      <RoleCheckbox
                        className="mt-0.5"
                        checked={chosen.has(p)}
                        onChange={(e) => set([p], e.target.checked)}
                        name="scopes"
                        value={p}
                      />
                      <span>
                        {PERMISSIONS[p].label}
                        <code className="ml-1.5 text-xs text-muted-foreground">{p}</code>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
