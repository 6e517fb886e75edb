"use client";
// The first page most visitors load, so it ships no form library: two fields checked with the
// browser's constraint validation (`required`, `maxLength`) with signInSchema's messages and limits
// (lib/validations/sign-in-rules.ts), which the server action applies in full. Fields stay uncontrolled.
import Link from "next/link";
import { useRef, useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { PASSWORD_MAX_LENGTH } from "@/lib/validations/password-rules";
import { IDENTIFIER_MAX_LENGTH, SIGN_IN_MESSAGES } from "@/lib/validations/sign-in-rules";
import { PasskeySignIn } from "./passkey-sign-in";

const FIELDS = ["identifier", "password"] as const;
type FieldName = (typeof FIELDS)[number];
type FieldMessages = Partial<Record<FieldName, string>>;

/** The message for a field the browser finds missing; the server trims the identifier, not the password. */
function missingMessage(input: HTMLInputElement, name: FieldName): string | undefined {
  const empty = input.validity.valueMissing || (name === "identifier" && input.value.trim() === "");
  return empty ? SIGN_IN_MESSAGES[name] : undefined;
}

function input(form: HTMLFormElement, name: FieldName | "remember"): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

export function SignInForm({ next }: { next?: string }) {
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  // After the first submit a field is checked again as it changes, so a fixed error goes away.
  const [submitted, setSubmitted] = useState(false);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLDivElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSubmitted(true);
    const missing: FieldMessages = {};
    for (const name of FIELDS) missing[name] = missingMessage(input(form, name), name);
    setErrors(missing);
    const firstMissing = FIELDS.find((name) => missing[name]);
    if (firstMissing) {
      input(form, firstMissing).focus();
      return;
    }
    const values = {
      identifier: input(form, "identifier").value,
      password: input(form, "password").value,
      remember: input(form, "remember").checked,
    };
    startTransition(async () => {
      setFormError(null);
      const result = await signInAction(values, next);
      if (result.ok) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(result.data.redirectTo);
        return;
      }
      input(form, "password").value = "";
      const fromServer: FieldMessages = {};
      for (const name of FIELDS) fromServer[name] = result.fieldErrors?.[name]?.[0];
      const firstInvalid = FIELDS.find((name) => fromServer[name]);
      startTransition(() => {
        setErrors(fromServer);
        setFormError(firstInvalid && result.code === "validation_failed" ? null : result.error);
      });
      if (firstInvalid) input(form, firstInvalid).focus();
    });
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    if (!submitted) return;
    const name = event.currentTarget.name as FieldName;
    const message = missingMessage(event.currentTarget, name);
    setErrors((current) => (current[name] === message ? current : { ...current, [name]: message }));
  }

  const remembered = () => formRef.current?.querySelector<HTMLInputElement>('input[name="remember"]')?.checked ?? false;

  return (
    <div ref={formRef} className="space-y-5">
      <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
        <TextField
          id="identifier"
          name="identifier"
          label="Username or email"
          error={errors.identifier}
          required
          maxLength={IDENTIFIER_MAX_LENGTH}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          onChange={onChange}
        />
        <TextField
          id="password"
          name="password"
          label="Password"
          error={errors.password}
          labelAside={
            <Link href="/forgot-password" className="text-sm font-medium text-brand hover:underline">
              Forgot password?
            </Link>
          }
          type="password"
          required
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete="current-password"
          onChange={onChange}
        />
        <label className="flex items-center gap-2.5 text-sm text-foreground">
          <input type="checkbox" name="remember" className="size-4 rounded border-border accent-[var(--brand)]" />
          Remember me for 30 days
        </label>
        <Button type="submit" className="w-full" size="lg" loading={pending}>
          Sign in
        </Button>
      </ActionForm>
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-muted-foreground" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <PasskeySignIn next={next} remember={remembered} />
    </div>
  );
}
