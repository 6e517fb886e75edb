"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { applyActionErrors } from "@/components/auth/use-action-form";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: "", password: "", remember: false },
  });
  const { register, formState } = form;
  const errors = formState.errors;

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await signInAction(form.getValues(), next);
    if (result.ok) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(result.data.redirectTo);
      return;
    }
    form.resetField("password");
    setFormError(applyActionErrors(form, result));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="danger" title={formError} /> : null}
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
      <Field
        id="password"
        label="Password"
        error={errors.password?.message}
        labelAside={
          <Link href="/forgot-password" className="text-sm font-medium text-brand hover:underline">
            Forgot password?
          </Link>
        }
      >
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          invalid={!!errors.password}
          aria-describedby={describedBy("password", errors.password?.message)}
          {...register("password")}
        />
      </Field>
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
    </form>
  );
}
