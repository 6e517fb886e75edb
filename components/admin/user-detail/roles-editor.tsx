"use client";
// Roles: tick the roles the user should hold, then review the change before it is saved. Roles the
// viewer may not grant or remove are shown disabled with the reason; the server decides again.
import { useMemo, useState } from "react";
import { Minus, Plus, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNote } from "@/components/admin/user-detail/refusal-note";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { setUserRolesAction } from "@/lib/actions/admin/set-user-roles";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { cn } from "@/lib/cn";

export function RolesEditor({ user }: { user: UserDetail }) {
  const run = useAdminAction();
  const held = useMemo(() => new Set(user.roles.map((r) => r.id)), [user.roles]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(held));
  const editable = user.viewerMay.changeRoles;
  const added = user.assignableRoles.filter((r) => chosen.has(r.id) && !held.has(r.id));
  const removed = user.assignableRoles.filter((r) => !chosen.has(r.id) && held.has(r.id));
  const dirty = added.length + removed.length > 0;
  const name = `${user.firstName} ${user.lastName}`;
  const newTwoFactor = !user.twoFactorEnabled && added.some((r) => r.requiresTwoFactor);

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card>
      <CardHeader
        title="Roles"
        description={`${name} holds ${user.permissions.length} permission${user.permissions.length === 1 ? "" : "s"} through these roles. Changes count on their next request; no new sign-in is needed.`}
      />
      {editable ? null : (
        <div className="border-b border-border px-6 py-3">
          <RefusalNote>{user.refusals.changeRoles}</RefusalNote>
        </div>
      )}
      <fieldset disabled={!editable}>
        <legend className="sr-only">Roles of {name}</legend>
        <ul className="divide-y divide-border">
          {user.assignableRoles.map((role) => {
            const checked = chosen.has(role.id);
            const locked = !editable || role.refusal !== null;
            const id = `role-${role.id}`;
            return (
              <li
                key={role.id}
                className={cn("flex gap-3 px-6 py-3.5", checked && "bg-brand-soft/40", locked && editable && "opacity-75")}
              >
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  disabled={locked}
                  onChange={() => toggle(role.id)}
                  aria-describedby={`${id}-about`}
                  className="mt-0.5 size-4 shrink-0 rounded border-border accent-[var(--brand)] disabled:cursor-not-allowed"
                />
                <div className="min-w-0 flex-1">
                  <label htmlFor={id} className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
                    {role.name}
                    {role.builtIn ? <Badge>Built-in</Badge> : <Badge tone="brand">Custom</Badge>}
                    {role.requiresTwoFactor ? (
                      <Badge tone="warning" icon={<ShieldCheck className="size-3" aria-hidden="true" />}>
                        Requires 2FA
                      </Badge>
                    ) : null}
                  </label>
                  <div id={`${id}-about`} className="mt-0.5 space-y-1 text-xs text-muted-foreground">
                    <p>
                      {role.description || "No description."} · {role.permissionCount} permission
                      {role.permissionCount === 1 ? "" : "s"}
                      {role.inheritsFrom.length ? ` · inherits from ${role.inheritsFrom.join(" → ")}` : ""}
                    </p>
                    {editable && role.refusal ? <RefusalNote>{role.refusal}</RefusalNote> : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {editable ? (
        <div className="flex flex-col-reverse gap-2 border-t border-border px-6 py-3 sm:flex-row sm:items-center sm:justify-end">
          {dirty ? (
            <p className="text-xs text-muted-foreground sm:mr-auto" aria-live="polite">
              {added.length} to add, {removed.length} to remove
            </p>
          ) : null}
          <Button variant="ghost" size="sm" disabled={!dirty} onClick={() => setChosen(new Set(held))}>
            Undo changes
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" disabled={!dirty || chosen.size === 0}>
                Review and save
              </Button>
            }
            title={`Change ${name}'s roles?`}
            description="Takes effect on their next request."
            confirmLabel="Save roles"
            onConfirm={() =>
              run(() => setUserRolesAction({ userId: user.id, roleIds: [...chosen] }), `Roles of ${name} were updated.`)
            }
          >
            <ul className="space-y-1.5 text-sm" aria-label="Changes">
              {added.map((r) => (
                <li key={r.id} className="flex items-center gap-2 text-success">
                  <Plus className="size-4" aria-hidden="true" /> <span className="text-foreground">Add {r.name}</span>
                </li>
              ))}
              {removed.map((r) => (
                <li key={r.id} className="flex items-center gap-2 text-danger">
                  <Minus className="size-4" aria-hidden="true" /> <span className="text-foreground">Remove {r.name}</span>
                </li>
              ))}
            </ul>
            {newTwoFactor ? (
              <p className="rounded-lg bg-warning-soft px-3 py-2 text-sm text-foreground">
                A new role requires two-factor authentication: {user.firstName} is sent to set it up on their next
                request.
              </p>
            ) : null}
          </ConfirmDialog>
        </div>
      ) : null}
      {editable && chosen.size === 0 ? (
        <p className="px-6 pb-3 text-xs text-danger" role="status">
          Keep at least one role.
        </p>
      ) : null}
    </Card>
  );
}
