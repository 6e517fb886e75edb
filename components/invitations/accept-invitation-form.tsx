"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Eye, EyeOff } from "lucide-react";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitationAction } from "@/lib/actions/invitations/accept-invitation";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validations/invitation";
import { preloadPasswordStrength } from "@/lib/validations/load-password-strength";

/**
 * The invitee's half of the sign-up form: the same fields, rules and strength meter, without the
 * email (it is the invitation's). On success they go to sign in with their new account.
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [showPassword, setShowPassword] = useState(false);
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(acceptInvitationSchema),
    mode: "onTouched",
    action: (values: AcceptInvitationInput) => acceptInvitationAction(token, values),
    onSuccess: (data) => router.push(`/invite/accepted?${new URLSearchParams({ username: data.username })}`),
    defaultValues: { username: "", firstName: "", lastName: "", dateOfBirth: "", password: "", confirmPassword: "" },
  });
  const { register, formState, control } = form;
  const [password, username, firstName, lastName] = useWatch({
    control,
    name: ["password", "username", "firstName", "lastName"],
  });
  const text = (
    name: Exclude<keyof AcceptInvitationInput, "password">,
    label: string,
    props: Record<string, unknown> = {},
  ) => <TextField id={name} label={label} error={errors[name]?.message} {...props} {...register(name)} />;

  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <Field id="invited-email" label="Email" hint="From your invitation; already confirmed.">
        <Input
          id="invited-email"
          value={email}
          readOnly
          disabled
          aria-describedby="invited-email-hint"
          autoComplete="email"
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        {text("firstName", "First name", { autoComplete: "given-name" })}
        {text("lastName", "Last name", { autoComplete: "family-name" })}
      </div>
      {text("username", "Username", { autoComplete: "username", autoCapitalize: "none", spellCheck: false })}
      {text("dateOfBirth", "Date of birth", {
        type: "date",
        autoComplete: "bday",
        max: new Date().toISOString().slice(0, 10),
      })}
      <Field id="password" label="Password" error={errors.password?.message}>
        <div className="relative">
          <Input
            id="password"
            type={showPassword ? "text" : "password"}
            autoComplete="new-password"
            invalid={!!errors.password}
            aria-describedby={describedBy("password", errors.password?.message) ?? "password-meter"}
            className="pr-10"
            onFocus={preloadPasswordStrength}
            {...register("password")}
          />
          <button
            type="button"
            onClick={() => setShowPassword((v) => !v)}
            aria-label={showPassword ? "Hide password" : "Show password"}
            aria-pressed={showPassword}
            className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-lg text-muted-foreground hover:text-foreground"
          >
            {showPassword ? (
              <EyeOff className="size-4" aria-hidden="true" />
            ) : (
              <Eye className="size-4" aria-hidden="true" />
            )}
          </button>
        </div>
        <div id="password-meter" className="pt-1">
          <PasswordStrengthMeter password={password} userInputs={[username, email, firstName, lastName]} />
        </div>
      </Field>
      {text("confirmPassword", "Confirm password", {
        type: showPassword ? "text" : "password",
        autoComplete: "new-password",
      })}
      <Button type="submit" className="w-full" size="lg" loading={formState.isSubmitting}>
        Create my account
      </Button>
    </ActionForm>
  );
}
