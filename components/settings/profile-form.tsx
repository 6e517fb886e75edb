"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeEmailSchema, profileSchema, type ChangeEmailInput, type ProfileInput } from "@/lib/validations/account";
import { requestEmailChangeAction } from "@/lib/actions/settings/request-email-change";
import { updateProfileAction } from "@/lib/actions/settings/update-profile";

export function ProfileForm({ initial }: { initial: ProfileInput }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm<ProfileInput, z.output<typeof profileSchema>, null>({
    resolver: zodResolver(profileSchema),
    mode: "onTouched",
    defaultValues: initial,
    action: (values: ProfileInput) => updateProfileAction(values),
    onSuccess: (_data, f) => {
      toast.success("Profile saved.");
      f.reset(f.getValues());
      router.refresh();
    },
  });
  const field = (name: keyof ProfileInput, label: string, props: Record<string, unknown>) => (
    <TextField id={name} label={label} error={errors[name]?.message} {...props} {...form.register(name)} />
  );
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="max-w-md space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        {field("firstName", "First name", { autoComplete: "given-name" })}
        {field("lastName", "Last name", { autoComplete: "family-name" })}
      </div>
      {field("dateOfBirth", "Date of birth", { type: "date", autoComplete: "bday" })}
      <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
        Save profile
      </Button>
    </ActionForm>
  );
}

export function ChangeEmailForm({ current, pending }: { current: string; pending: string | null }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(changeEmailSchema),
    defaultValues: { email: "", currentPassword: "" },
    action: (values: ChangeEmailInput) => requestEmailChangeAction(values),
    onSuccess: (data, f) => {
      toast.success(`Check ${data.email} for a confirmation link.`);
      f.reset();
      router.refresh();
    },
  });
  return (
    <ActionForm onSubmit={onSubmit} className="max-w-md space-y-5">
      <p className="text-sm text-muted-foreground">
        Currently <span className="font-medium text-foreground">{current}</span>. The new address must be confirmed from
        a link sent to it; the current one is told.
      </p>
      {pending ? (
        <Alert tone="info" title={`Waiting for confirmation of ${pending}`}>
          Open the link we sent there. Asking again replaces it.
        </Alert>
      ) : null}
      {formError ? <Alert tone="danger" title={formError} /> : null}
      <TextField
        id="new-email"
        label="New email address"
        error={errors.email?.message}
        type="email"
        autoComplete="email"
        {...form.register("email")}
      />
      <TextField
        id="email-password"
        label="Current password"
        error={errors.currentPassword?.message}
        type="password"
        autoComplete="current-password"
        {...form.register("currentPassword")}
      />
      <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
        Change email
      </Button>
    </ActionForm>
  );
}
