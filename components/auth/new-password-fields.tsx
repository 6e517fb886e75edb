"use client";
import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Eye, EyeOff } from "lucide-react";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { Field, describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { preloadPasswordStrength } from "@/lib/validations/load-password-strength";

/**
 * "Password" and "Confirm password" for a new account (sign-up and accepting an invitation): one show/hide toggle
 * for both, and the strength meter judging the password against what the person typed about themselves.
 * The form owns the values; this renders the fields registered under `password` and `confirmPassword`.
 */
export function NewPasswordFields({
  password,
  confirmPassword,
  passwordError,
  confirmPasswordError,
  value,
  userInputs,
}: {
  password: UseFormRegisterReturn<"password">;
  confirmPassword: UseFormRegisterReturn<"confirmPassword">;
  passwordError?: string;
  confirmPasswordError?: string;
  /** The password typed so far, for the meter. */
  value: string;
  /** Name, username, email…: a password made of them is weak. */
  userInputs: string[];
}) {
  const [showPassword, setShowPassword] = useState(false);
  return (
    <>
      <Field id="password" label="Password" error={passwordError}>
        <div className="relative">
          <Input
            id="password"
            type={showPassword ? "text" : "password"}
            autoComplete="new-password"
            invalid={!!passwordError}
            aria-describedby={describedBy("password", passwordError) ?? "password-meter"}
            className="pr-10"
            onFocus={preloadPasswordStrength}
            {...password}
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
          <PasswordStrengthMeter password={value} userInputs={userInputs} />
        </div>
      </Field>
      <TextField
        id="confirmPassword"
        label="Confirm password"
        error={confirmPasswordError}
        type={showPassword ? "text" : "password"}
        autoComplete="new-password"
        {...confirmPassword}
      />
    </>
  );
}
