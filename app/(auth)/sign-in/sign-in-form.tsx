"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/auth/use-action-form";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";
import { signInAction } from "@/lib/actions/auth/sign-in";

export function SignInForm({ next }: { next?: string }) {
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: "", password: "", remember: false },
    action: (values: SignInInput) => signInAction(values, next),
    // A full navigation, so every server component renders with the new session.
    onSuccess: (data) => window.location.assign(data.redirectTo),
    onFailure: (f) => f.resetField("password"),
  });
  const { register, formState } = form;

  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <TextField
        id="identifier"
        label="Username or email"
        error={errors.identifier?.message}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        {...register("identifier")}
      />
      <TextField
        id="password"
        label="Password"
        error={errors.password?.message}
        labelAside={
          <Link href="/forgot-password" className="text-sm font-medium text-brand hover:underline">
            Forgot password?
          </Link>
        }
        type="password"
        autoComplete="current-password"
        {...register("password")}
      />
      <label className="flex items-center gap-2.5 text-sm text-foreground">
        <input
          type="checkbox"
          className="size-4 rounded border-border accent-[var(--brand)]"
          {...register("remember")}
        />
        Remember me for 30 days
      </label>
      <Button type="submit" className="w-full" size="lg" loading={formState.isSubmitting}>
        Sign in
      </Button>
    </ActionForm>
  );
}
