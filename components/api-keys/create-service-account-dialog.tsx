"use client";
// "New service account": a display name, a username and the roles it holds (only roles the admin
// may grant are offered). Validated with the server's schema; opens the new account on success.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Bot } from "lucide-react";
import { RoleCheckbox } from "@/components/admin/roles/role-checkbox";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { applyActionErrors } from "@/components/ui/use-action-form";
import { createServiceAccountAction } from "@/lib/actions/api-keys/create-service-account";
import type { GrantableRole } from "@/lib/data/api-keys/list-grantable-roles";
import { createServiceAccountSchema, type CreateServiceAccountInput } from "@/lib/validations/api-key";

const DEFAULTS: CreateServiceAccountInput = { name: "", username: "", roleIds: [] };

export function CreateServiceAccountDialog({ roles }: { roles: GrantableRole[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateServiceAccountInput>({
    resolver: zodResolver(createServiceAccountSchema),
    defaultValues: DEFAULTS,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createServiceAccountAction(values);
    if (!result.ok) {
      setFormError(applyActionErrors(form, result));
      return;
    }
    toast.success(`Created ${result.data.name}.`);
    setOpen(false);
    form.reset(DEFAULTS);
    router.push(`/admin/service-accounts/${result.data.id}`);
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setFormError(null);
          form.reset(DEFAULTS);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Bot className="size-4" aria-hidden="true" />
          New service account
        </Button>
      </DialogTrigger>
      <DialogContent
        title="New service account"
        description="An account for an integration: it holds roles and API keys, and can never sign in."
      >
        <form onSubmit={submit} noValidate className="space-y-5">
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <TextField
            id="sa-name"
            label="Name"
            hint="E.g. “Warehouse sync”."
            error={errors.name?.message}
            {...form.register("name")}
          />
          <TextField
            id="sa-username"
            label="Username"
            hint="Shown in the activity log as the actor."
            autoComplete="off"
            error={errors.username?.message}
            {...form.register("username")}
          />
          <Controller
            control={form.control}
            name="roleIds"
            render={({ field }) => (
              <fieldset className="space-y-2" aria-describedby={errors.roleIds ? "sa-roles-error" : undefined}>
                <legend className="text-sm font-medium text-foreground">Roles</legend>
                <ul className="max-h-56 space-y-1.5 overflow-y-auto rounded-lg border border-border p-3">
                  {roles.map((role) => (
                    <li key={role.id}>
                      <label className="flex items-start gap-2 text-sm text-foreground">
                        <RoleCheckbox
                          className="mt-0.5"
                          checked={field.value.includes(role.id)}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked ? [...field.value, role.id] : field.value.filter((id) => id !== role.id),
                            )
                          }
                        />
                        <span>
                          <span className="font-medium">{role.name}</span>
                          {role.description ? (
                            <span className="block text-muted-foreground">{role.description}</span>
                          ) : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
                {errors.roleIds ? (
                  <p id="sa-roles-error" role="alert" className="text-sm text-danger">
                    {errors.roleIds.message}
                  </p>
                ) : null}
              </fieldset>
            )}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={isSubmitting}>
              Create service account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
