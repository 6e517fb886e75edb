"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PersonalDetailsFields } from "@/components/auth/personal-details-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { finishExternalSignUpAction } from "@/lib/actions/sign-in-methods/finish-external-sign-up";
import { externalSignUpSchema, type ExternalSignUpInput } from "@/lib/validations/sign-in-methods";

export function ExternalSignUpForm({
  email,
  suggested,
}: {
  email: string;
  suggested: { username: string; firstName: string; lastName: string };
}) {
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(externalSignUpSchema),
    mode: "onTouched",
    action: (values: ExternalSignUpInput) => finishExternalSignUpAction(values),
    // A full navigation, so every server component renders with the new session.
    onSuccess: (data) => window.location.assign(data.redirectTo),
    defaultValues: { ...suggested, dateOfBirth: "" },
  });
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <PersonalDetailsFields register={form.register} errors={errors}>
        <TextField
          id="email"
          label="Email"
          type="email"
          value={email}
          readOnly
          disabled
          hint="From your sign-in provider."
        />
      </PersonalDetailsFields>
      <Button type="submit" className="w-full" size="lg" loading={form.formState.isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-xs text-muted-foreground">
        By creating an account you confirm you are at least 13 years old.
      </p>
    </ActionForm>
  );
}
