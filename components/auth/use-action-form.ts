"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/run-action";

/**
 * Applies a server action's failure to a react-hook-form form: field errors inline, anything else
 * as a form-level message. Returns the form-level message (or null).
 */
export function applyActionErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  result: ActionResult<unknown>,
): string | null {
  if (result.ok) return null;
  let placed = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field === "_form" || !messages[0]) continue;
    form.setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: !placed });
    placed = true;
  }
  return placed && result.code === "validation_failed" ? null : result.error;
}
