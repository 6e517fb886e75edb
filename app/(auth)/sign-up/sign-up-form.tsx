"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { PersonalDetailsFields } from "@/components/auth/personal-details-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { signUpSchema, type SignUpInput } from "@/lib/validations/auth";
import { signUpAction } from "@/lib/actions/auth/sign-up";

export function SignUpForm() {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(signUpSchema),
    mode: "onTouched",
    action: (values: SignUpInput) => signUpAction(values),
    onSuccess: (data) => router.push(`/check-email?email=${encodeURIComponent(data.email)}`),
    defaultValues: {
      username: "",
      email: "",
      firstName: "",
      lastName: "",
      dateOfBirth: "",
      password: "",
      confirmPassword: "",
      applyForStaff: false,
    },
  });
  const { register, formState, control } = form;
  const [password, username, email, firstName, lastName] = useWatch({
    control,
    name: ["password", "username", "email", "firstName", "lastName"],
  });

  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <PersonalDetailsFields register={register} errors={errors}>
        <TextField
          id="email"
          label="Email"
          error={errors.email?.message}
          type="email"
          autoComplete="email"
          inputMode="email"
          {...register("email")}
        />
      </PersonalDetailsFields>
      <NewPasswordFields
        password={register("password")}
        confirmPassword={register("confirmPassword")}
        passwordError={errors.password?.message}
        confirmPasswordError={errors.confirmPassword?.message}
        value={password}
        userInputs={[username, email, firstName, lastName]}
      />
      <div className="rounded-lg border border-border bg-muted/40 px-4 py-3">
        <label className="flex items-start gap-3 text-sm text-foreground">
          <input
            type="checkbox"
            className="mt-0.5 size-4 shrink-0 rounded border-border accent-[var(--brand)]"
            aria-describedby="applyForStaff-hint"
            {...register("applyForStaff")}
          />
          <span>
            <span className="font-medium">I am applying for a staff account</span>
            <span id="applyForStaff-hint" className="mt-0.5 block text-muted-foreground">
              A reviewer approves staff accounts. Until then you can sign in, but you will only see a page that says
              your application is waiting.
            </span>
          </span>
        </label>
      </div>
      <Button type="submit" className="w-full" size="lg" loading={formState.isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-xs text-muted-foreground">
        By creating an account you confirm you are at least 13 years old.
      </p>
    </ActionForm>
  );
}
