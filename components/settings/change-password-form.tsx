"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { applyActionErrors } from "@/components/auth/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validations/account";
import { changePasswordAction } from "@/app/(app)/settings/security/actions";

export function ChangePasswordForm({ userInputs }: { userInputs: string[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    mode: "onTouched",
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
  });
  const errors = form.formState.errors;
  const password = useWatch({ control: form.control, name: "password" });

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await changePasswordAction(form.getValues());
    if (result.ok) {
      form.reset();
      const n = result.data.sessionsEnded;
      toast.success(`Password changed.${n ? ` ${n} other session${n === 1 ? " was" : "s were"} signed out.` : ""}`);
      return;
    }
    setFormError(applyActionErrors(form, result));
  });

  const field = (name: keyof ChangePasswordInput, label: string, autoComplete: string, extra?: React.ReactNode) => (
    <TextField
      id={name}
      label={label}
      error={errors[name]?.message}
      type="password"
      autoComplete={autoComplete}
      {...form.register(name)}
    >
      {extra}
    </TextField>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5">
      {formError ? <Alert tone="danger" title={formError} /> : null}
      {field("currentPassword", "Current password", "current-password")}
      {field(
        "password",
        "New password",
        "new-password",
        <div className="pt-1">
          <PasswordStrengthMeter password={password} userInputs={userInputs} />
        </div>,
      )}
      {field("confirmPassword", "Confirm new password", "new-password")}
      <Button type="submit" loading={form.formState.isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
