"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { Send, ShieldCheck } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createInvitationAction } from "@/lib/actions/invitations/create-invitation";
import { createInvitationSchema, INVITATION_TTL_DAYS, type CreateInvitationInput } from "@/lib/validations/invitation";

export type InviteRoleOption = { id: string; name: string; description: string; requiresTwoFactor: boolean };

/** Invite by email with a role; only roles the viewer may give are offered (the DAL checks again). */
export function InviteForm({ roles, defaultRoleId }: { roles: readonly InviteRoleOption[]; defaultRoleId: string }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(createInvitationSchema),
    mode: "onTouched",
    defaultValues: { email: "", roleId: defaultRoleId },
    action: (values: CreateInvitationInput) => createInvitationAction(values),
    onSuccess: (data, f) => {
      toast.success(`Invitation sent to ${data.email}.`);
      f.reset({ email: "", roleId: f.getValues("roleId") });
      router.refresh();
    },
  });
  const roleId = useWatch({ control: form.control, name: "roleId" });
  const role = roles.find((r) => r.id === roleId);
  const roleError = errors.roleId?.message;
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,14rem)_auto] md:items-start">
        <TextField
          id="invite-email"
          label="Email address"
          type="email"
          inputMode="email"
          autoComplete="off"
          placeholder="name@company.com"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <Field id="invite-role" label="Role" error={roleError}>
          <Select
            id="invite-role"
            invalid={!!roleError}
            aria-describedby={describedBy("invite-role", roleError) ?? "invite-role-about"}
            options={roles.map((r) => ({ value: r.id, label: r.name }))}
            {...form.register("roleId")}
          />
        </Field>
        <div className="md:pt-[1.625rem]">
          <Button type="submit" className="w-full md:w-auto" loading={form.formState.isSubmitting}>
            <Send className="size-4" aria-hidden="true" />
            Send invitation
          </Button>
        </div>
      </div>
      <p id="invite-role-about" className="flex items-start gap-2 text-sm text-muted-foreground">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-brand" aria-hidden="true" />
        <span>
          {role ? (
            <>
              <span className="font-medium text-foreground">{role.name}</span>
              {role.description ? `: ${role.description}` : ""}
              {role.requiresTwoFactor ? " Requires two-factor authentication: they set it up at first sign-in." : ""}
            </>
          ) : (
            "Choose a role."
          )}{" "}
          The link works once, for {INVITATION_TTL_DAYS} days.
        </span>
      </p>
    </ActionForm>
  );
}
