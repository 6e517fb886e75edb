"use client";
import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";

type DetailName = "firstName" | "lastName" | "username" | "dateOfBirth";

/**
 * Who a new account belongs to (sign-up and accepting an invitation): first and last name side by side, username,
 * then `children` (sign-up puts its email field there), then date of birth, which cannot be in the future.
 */
export function PersonalDetailsFields({
  register,
  errors,
  children,
}: {
  register: (name: DetailName) => UseFormRegisterReturn;
  errors: Partial<Record<DetailName, { message?: string }>>;
  children?: ReactNode;
}) {
  const text = (name: DetailName, label: string, props: Record<string, unknown> = {}) => (
    <TextField id={name} label={label} error={errors[name]?.message} {...props} {...register(name)} />
  );
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        {text("firstName", "First name", { autoComplete: "given-name" })}
        {text("lastName", "Last name", { autoComplete: "family-name" })}
      </div>
      {text("username", "Username", { autoComplete: "username", autoCapitalize: "none", spellCheck: false })}
      {children}
      {text("dateOfBirth", "Date of birth", {
        type: "date",
        autoComplete: "bday",
        max: new Date().toISOString().slice(0, 10),
      })}
    </>
  );
}
