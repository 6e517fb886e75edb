"use client";
// The role editor: details, parent, "requires 2FA" and permissions grouped by resource, with the
// effective permissions (own and inherited, with where each comes from) updated as one edits.
// Saving first shows the diff in a confirmation dialog. Permissions the viewer does not hold, and
// parents that would bring some, are disabled here; the DAL refuses them anyway.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Lock, ShieldCheck } from "lucide-react";
import { EffectivePermissionsPanel } from "@/components/admin/roles/effective-permissions-panel";
import { RoleCheckbox } from "@/components/admin/roles/role-checkbox";
import { diffRole, effectiveOf, graphWithDraft, type EditorRole, type RoleDiff } from "@/components/admin/roles/role-diff";
import { RoleDiffSummary } from "@/components/admin/roles/role-diff-summary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import { Field, describedBy } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { applyActionErrors } from "@/components/ui/use-action-form";
import { createRoleAction } from "@/lib/actions/roles/create-role";
import { updateRoleAction } from "@/lib/actions/roles/update-role";
import { cn } from "@/lib/cn";
import { PERMISSIONS, permissionsByGroup, type Permission } from "@/lib/rbac/permissions";
import { ancestry, effectiveRolePermissions, wouldCreateCycle } from "@/lib/rbac/role-graph";
import {
  ROLE_DESCRIPTION_MAX,
  ROLE_NAME_MAX,
  roleInputSchema,
  type RoleInput,
  type RoleValues,
} from "@/lib/validations/role";

const NEW_ROLE_ID = "__new_role__";
const SUPER_ADMIN_KEY = "super_admin";
const GROUPS = permissionsByGroup();

export type RoleEditorRole = {
  id: string;
  key: string;
  builtIn: boolean;
  name: string;
  description: string;
  permissions: Permission[];
  requiresTwoFactor: boolean;
  parentId: string | null;
};

export function RoleEditor({
  role,
  roles,
  viewerPermissions,
  editable,
  readOnlyReason,
  aside,
}: {
  /** null: a new role. */
  role: RoleEditorRole | null;
  /** Every role as loaded (the graph inheritance is computed on). */
  roles: EditorRole[];
  viewerPermissions: readonly Permission[];
  editable: boolean;
  /** Why the form is read-only, shown above it. */
  readOnlyReason?: string | null;
  aside?: ReactNode;
}) {
  const router = useRouter();
  const creating = role === null;
  const selfId = role?.id ?? NEW_ROLE_ID;
  const superAdmin = role?.key === SUPER_ADMIN_KEY;
  const held = useMemo(() => new Set<string>(viewerPermissions), [viewerPermissions]);
  const initial: RoleInput = {
    name: role?.name ?? "",
    description: role?.description ?? "",
    permissions: role?.permissions ?? [],
    requiresTwoFactor: role?.requiresTwoFactor ?? false,
    parentId: role?.parentId ?? "",
  };
  const form = useForm<RoleInput, unknown, RoleValues>({
    resolver: zodResolver(roleInputSchema),
    mode: "onTouched",
    defaultValues: initial,
  });
  const { errors, isDirty } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [review, setReview] = useState<{ values: RoleValues; diff: RoleDiff } | null>(null);

  const watched = useWatch({ control: form.control });
  const own = watched.permissions ?? [];
  const draft = {
    name: (watched.name ?? "").trim() || role?.name || "This role",
    description: watched.description ?? "",
    permissions: own,
    requiresTwoFactor: watched.requiresTwoFactor ?? false,
    parentId: watched.parentId || null,
  };
  const effective = effectiveOf(roles, selfId, draft);
  const graph = graphWithDraft(roles, selfId, draft, { key: role?.key ?? "", builtIn: role?.builtIn ?? false });
  const twoFactorFrom = draft.parentId ? ancestry(draft.parentId, graph).find((r) => r.requiresTwoFactor) : undefined;

  const parentOptions = useMemo(() => {
    const loaded = new Map(roles.map((r) => [r.id, r]));
    return roles
      .filter((r) => r.id !== selfId)
      .map((r) => {
        const loop = loaded.has(selfId) && wouldCreateCycle(selfId, r.id, loaded);
        const lacks = [...effectiveRolePermissions(r.id, loaded).keys()].some((k) => k in PERMISSIONS && !held.has(k));
        const note = loop ? " — inherits from this role" : lacks ? " — grants permissions you do not hold" : "";
        return { value: r.id, label: `${r.name}${note}`, disabled: (loop || lacks) && r.id !== role?.parentId };
      });
  }, [roles, selfId, held, role?.parentId]);

  const setOwn = (next: readonly Permission[]) =>
    form.setValue("permissions", [...new Set(next)], { shouldDirty: true, shouldValidate: true });

  const permissionState = (key: Permission) => {
    const from = effective.get(key) ?? [];
    const inheritedFrom = from.filter((r) => r.id !== selfId);
    const lacks = !held.has(key);
    const mine = own.includes(key);
    const locked = !editable || superAdmin || inheritedFrom.length > 0 || lacks;
    return {
      checked: superAdmin || mine || inheritedFrom.length > 0,
      locked,
      toggleable: !locked,
      inheritedFrom: inheritedFrom[0]?.name ?? null,
      lacks,
    };
  };

  const openReview = form.handleSubmit((values) => {
    setFormError(null);
    const before = creating
      ? null
      : {
          name: role.name,
          description: role.description,
          permissions: role.permissions,
          requiresTwoFactor: role.requiresTwoFactor,
          parentId: role.parentId,
        };
    const diff = diffRole(roles, selfId, before, values);
    setReview({ values, diff });
  });

  const save = async (): Promise<ConfirmOutcome> => {
    if (!review) return;
    const result = creating
      ? await createRoleAction(review.values)
      : await updateRoleAction(role.id, review.values);
    if (result.ok) {
      if (creating) {
        toast.success(`Role “${review.values.name}” created.`);
        router.push(`/admin/roles/${result.data.id}`);
      } else {
        toast.success("Role saved. Members get the change on their next request.");
        form.reset(review.values);
        router.refresh();
      }
      setReview(null);
      return;
    }
    const message = applyActionErrors(form, result);
    if (result.fieldErrors && Object.keys(result.fieldErrors).some((k) => k !== "_form")) {
      setFormError(message);
      setReview(null);
      return;
    }
    return { ok: false, error: result.error };
  };

  const descriptionError = errors.description?.message;
  const parentError = errors.parentId?.message;

  return (
    <>
      <form method="post" onSubmit={openReview} noValidate className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {readOnlyReason ? (
            <Alert tone="info" title="Read-only">
              {readOnlyReason}
            </Alert>
          ) : null}
          {formError ? <Alert tone="danger" title={formError} /> : null}
          <Card>
            <CardHeader title="Details" description="What the role is called and how it is held." />
            <CardBody className="space-y-5">
              <TextField
                id="role-name"
                label="Name"
                maxLength={ROLE_NAME_MAX}
                autoComplete="off"
                error={errors.name?.message}
                readOnly={!editable || role?.builtIn}
                disabled={!editable}
                hint={role?.builtIn ? "Built-in roles keep their names." : undefined}
                {...form.register("name")}
              />
              <Field id="role-description" label="Description" error={descriptionError} hint="Optional. Shown in the roles list.">
                <textarea
                  id="role-description"
                  rows={2}
                  maxLength={ROLE_DESCRIPTION_MAX}
                  disabled={!editable}
                  aria-invalid={descriptionError ? true : undefined}
                  aria-describedby={describedBy("role-description", descriptionError, true)}
                  className={cn(
                    "block w-full rounded-lg border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
                    "placeholder:text-muted-foreground/70 focus:outline-none focus:ring-2 disabled:cursor-not-allowed disabled:opacity-60",
                    descriptionError
                      ? "border-danger focus:border-danger focus:ring-danger/30"
                      : "border-border focus:border-brand focus:ring-brand/30",
                  )}
                  {...form.register("description")}
                />
              </Field>
              <Field
                id="role-parent"
                label="Parent role"
                error={parentError}
                hint={
                  superAdmin
                    ? "Super Admin holds everything already; it has no parent."
                    : "The role also holds everything its parent holds (and the parent’s parent…)."
                }
              >
                <Select
                  id="role-parent"
                  invalid={!!parentError}
                  disabled={!editable || superAdmin}
                  aria-describedby={describedBy("role-parent", parentError, true)}
                  placeholder="No parent"
                  options={parentOptions}
                  value={watched.parentId ?? ""}
                  onChange={(e) =>
                    form.setValue("parentId", e.target.value, { shouldDirty: true, shouldValidate: true })
                  }
                />
              </Field>
              <TwoFactorToggle
                checked={draft.requiresTwoFactor}
                onChange={(on) => form.setValue("requiresTwoFactor", on, { shouldDirty: true, shouldValidate: true })}
                disabled={!editable || (superAdmin && role.requiresTwoFactor)}
                error={errors.requiresTwoFactor?.message}
                inheritedFrom={twoFactorFrom?.name ?? null}
                superAdminLocked={superAdmin && role.requiresTwoFactor}
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="Permissions"
              description={
                superAdmin
                  ? "Super Admin always holds every permission; they cannot be edited."
                  : "What members may do. Inherited permissions are locked on; to drop one, change the parent."
              }
              action={
                <Badge tone="brand" className="shrink-0">
                  {effective.size} effective
                </Badge>
              }
            />
            {errors.permissions?.message ? (
              <p role="alert" className="mx-6 mt-4 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
                {errors.permissions.message}
              </p>
            ) : null}
            <div className="divide-y divide-border">
              {GROUPS.map((group) => {
                const states = group.permissions.map((key) => ({ key, ...permissionState(key) }));
                const on = states.filter((s) => s.checked).length;
                const toggleable = states.filter((s) => s.toggleable).map((s) => s.key);
                const allToggleableOn = toggleable.length > 0 && toggleable.every((k) => own.includes(k));
                const headerId = `group-${group.group}`;
                return (
                  <fieldset key={group.group} className="px-6 py-4" aria-labelledby={`${headerId}-label`}>
                    <div className="flex items-center gap-3">
                      <RoleCheckbox
                        id={headerId}
                        checked={on === states.length}
                        indeterminate={on > 0 && on < states.length}
                        disabled={toggleable.length === 0}
                        onChange={() =>
                          setOwn(allToggleableOn ? own.filter((k) => !toggleable.includes(k)) : [...own, ...toggleable])
                        }
                        aria-label={`All ${group.label} permissions`}
                      />
                      <label
                        id={`${headerId}-label`}
                        htmlFor={headerId}
                        className="flex flex-1 flex-wrap items-baseline justify-between gap-x-3 text-sm font-semibold text-foreground"
                      >
                        <span>{group.label}</span>
                        <span className="text-xs font-normal text-muted-foreground">
                          {on} of {states.length}
                        </span>
                      </label>
                    </div>
                    <ul className="mt-3 space-y-2 pl-7">
                      {states.map((s) => {
                        const id = `perm-${s.key}`;
                        return (
                          <li key={s.key} className="flex items-start gap-3">
                            <RoleCheckbox
                              id={id}
                              className="mt-0.5"
                              checked={s.checked}
                              disabled={s.locked}
                              onChange={(e) =>
                                setOwn(e.target.checked ? [...own, s.key] : own.filter((k) => k !== s.key))
                              }
                              aria-describedby={`${id}-desc`}
                              data-permission={s.key}
                            />
                            <div className="min-w-0 flex-1">
                              <label
                                htmlFor={id}
                                className={cn(
                                  "flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium",
                                  s.locked ? "text-foreground/80" : "cursor-pointer text-foreground",
                                )}
                              >
                                {PERMISSIONS[s.key].label}
                                <code className="text-xs font-normal text-muted-foreground">{s.key}</code>
                                {s.inheritedFrom && !superAdmin ? (
                                  <Badge tone="info" icon={<Lock className="size-3" aria-hidden="true" />}>
                                    from {s.inheritedFrom}
                                  </Badge>
                                ) : null}
                              </label>
                              <p id={`${id}-desc`} className="mt-0.5 text-xs text-muted-foreground">
                                {PERMISSIONS[s.key].description}
                                {s.lacks && editable && !superAdmin ? (
                                  <span className="mt-0.5 block text-warning">
                                    You do not hold this permission, so you cannot grant it.
                                  </span>
                                ) : null}
                              </p>
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                  </fieldset>
                );
              })}
            </div>
          </Card>

          {editable ? (
            <div className="sticky bottom-0 z-10 -mx-4 flex gap-2 border-t border-border bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:justify-end sm:rounded-xl sm:border sm:bg-surface/95 sm:shadow-sm">
              <Link href="/admin/roles" className={buttonClasses("secondary", "md", "flex-1 sm:flex-none")}>
                Cancel
              </Link>
              <Button type="submit" className="flex-[2] sm:flex-none" disabled={!creating && !isDirty}>
                {creating ? "Review and create" : "Review changes"}
              </Button>
            </div>
          ) : null}
        </div>

        <aside className="min-w-0 space-y-6">
          <EffectivePermissionsPanel
            effective={[...effective.entries()].map(([key, from]) => ({
              key,
              from: from.map((r) => (r.id === selfId ? "self" : r.name)),
            }))}
            requiresTwoFactor={draft.requiresTwoFactor || !!twoFactorFrom}
          />
          {aside}
        </aside>
      </form>

      <ConfirmDialog
        open={review !== null}
        onOpenChange={(open) => (open ? null : setReview(null))}
        title={creating ? `Create “${review?.values.name ?? ""}”?` : `Save changes to “${role.name}”?`}
        description={
          creating
            ? "Check the new role before it is created."
            : "Members get the new permissions on their next request, without signing in again."
        }
        confirmLabel={creating ? "Create role" : "Save changes"}
        onConfirm={save}
      >
        {review ? <RoleDiffSummary diff={review.diff} creating={creating} /> : null}
      </ConfirmDialog>
    </>
  );
}

function TwoFactorToggle({
  checked,
  onChange,
  disabled,
  error,
  inheritedFrom,
  superAdminLocked,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled: boolean;
  error?: string;
  inheritedFrom: string | null;
  superAdminLocked: boolean;
}) {
  const id = "role-requires-2fa";
  return (
    <div className="rounded-lg border border-border bg-muted/30 px-4 py-3">
      <div className="flex items-start gap-3">
        <RoleCheckbox
          id={id}
          className="mt-0.5"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
        />
        <div className="min-w-0">
          <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-foreground">
            <ShieldCheck className="size-4 text-brand" aria-hidden="true" />
            Require two-factor authentication
          </label>
          <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted-foreground">
            {superAdminLocked
              ? "Super Admin’s requirement cannot be switched off."
              : "Members without it are sent to set it up on their next request."}
            {inheritedFrom ? (
              <span className="mt-0.5 block text-foreground/80">Already required through {inheritedFrom}.</span>
            ) : null}
          </p>
          {error ? (
            <p role="alert" className="mt-1 text-sm text-danger">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
