"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/account";
import { preloadPasswordStrength } from "@/lib/validations/load-password-strength";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(resetPasswordSchema),
    mode: "onTouched",
    defaultValues: { token, password: "", confirmPassword: "" },
    action: (values: ResetPasswordInput) => resetPasswordAction(values),
    onSuccess: () => router.push("/sign-in?notice=password-reset"),
  });
  const password = useWatch({ control: form.control, name: "password" });
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <TextField
        id="password"
        label="New password"
        error={errors.password?.message}
        type="password"
        autoComplete="new-password"
        autoFocus
        onFocus={preloadPasswordStrength}
        {...form.register("password")}
      >
        <div className="pt-1">
          <PasswordStrengthMeter password={password} userInputs={[]} />
        </div>
      </TextField>
      <TextField
        id="confirmPassword"
        label="Confirm new password"
        error={errors.confirmPassword?.message}
        type="password"
        autoComplete="new-password"
        {...form.register("confirmPassword")}
      />
      <Button type="submit" size="lg" className="w-full" loading={form.formState.isSubmitting}>
        Set new password
      </Button>
      <p className="text-center text-xs text-muted-foreground">
        Every device signed in to your account will be signed out.
      </p>
    </ActionForm>
  );
}
