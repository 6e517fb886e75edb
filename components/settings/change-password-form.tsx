"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validations/account";
import { preloadPasswordStrength } from "@/lib/validations/load-password-strength";
import { changePasswordAction } from "@/lib/actions/settings/change-password";

export function ChangePasswordForm({ userInputs }: { userInputs: string[] }) {
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(changePasswordSchema),
    mode: "onTouched",
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
    action: (values: ChangePasswordInput) => changePasswordAction(values),
    onSuccess: ({ sessionsEnded: n }, f) => {
      f.reset();
      toast.success(`Password changed.${n ? ` ${n} other session${n === 1 ? " was" : "s were"} signed out.` : ""}`);
    },
  });
  const password = useWatch({ control: form.control, name: "password" });

  const field = (name: keyof ChangePasswordInput, label: string, autoComplete: string, meter = false) => (
    <TextField
      id={name}
      label={label}
      error={errors[name]?.message}
      type="password"
      autoComplete={autoComplete}
      onFocus={meter ? preloadPasswordStrength : undefined}
      {...form.register(name)}
    >
      {meter ? (
        <div className="pt-1">
          <PasswordStrengthMeter password={password} userInputs={userInputs} />
        </div>
      ) : null}
    </TextField>
  );

  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="max-w-md space-y-5">
      {field("currentPassword", "Current password", "current-password")}
      {field("password", "New password", "new-password", true)}
      {field("confirmPassword", "Confirm new password", "new-password")}
      <Button type="submit" loading={form.formState.isSubmitting}>
        Change password
      </Button>
    </ActionForm>
  );
}
