"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { PersonalDetailsFields } from "@/components/auth/personal-details-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitationAction } from "@/lib/actions/invitations/accept-invitation";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validations/invitation";

/**
 * The invitee's half of the sign-up form: the same fields, rules and strength meter, without the
 * email (it is the invitation's). On success they go to sign in with their new account.
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
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
      <PersonalDetailsFields register={register} errors={errors} />
      <NewPasswordFields
        password={register("password")}
        confirmPassword={register("confirmPassword")}
        passwordError={errors.password?.message}
        confirmPasswordError={errors.confirmPassword?.message}
        value={password}
        userInputs={[username, email, firstName, lastName]}
      />
      <Button type="submit" className="w-full" size="lg" loading={formState.isSubmitting}>
        Create my account
      </Button>
    </ActionForm>
  );
}
