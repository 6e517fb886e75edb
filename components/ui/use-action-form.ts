"use client";
import { useState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Mode,
  type Path,
  type Resolver,
  type UseFormReturn,
  type UseFormSetError,
} from "react-hook-form";
import type { ActionResult } from "@/lib/actions/run-action";

/**
 * Applies a server action's failure to a react-hook-form form: field errors inline, anything else
 * as a form-level message. Returns the form-level message (or null).
 */
export function applyActionErrors<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
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

/**
 * How a form talks to a server action: validate in the browser (same zod schema as the server),
 * send the raw values, then either run `onSuccess` or show the action's errors (inline per field,
 * or as a form-level message). The sign-in form is the one exception: the first page most visitors
 * load ships no form library (its first-load budget is 150 kB), so it does the same by hand.
 */
export function useActionForm<TValues extends FieldValues, TOutput = TValues, TData = unknown>(options: {
  resolver?: Resolver<TValues, unknown, TOutput>;
  defaultValues: DefaultValues<NoInfer<TValues>>;
  mode?: Mode;
  action: (values: TValues) => Promise<ActionResult<TData>>;
  onSuccess: (data: TData, form: UseFormReturn<NoInfer<TValues>, unknown, NoInfer<TOutput>>) => void | Promise<void>;
  /** Before the errors are shown, e.g. clear a password field. */
  onFailure?: (form: UseFormReturn<NoInfer<TValues>, unknown, NoInfer<TOutput>>) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TValues, unknown, TOutput>({
    resolver: options.resolver,
    defaultValues: options.defaultValues,
    mode: options.mode,
  });
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await options.action(form.getValues());
    if (result.ok) {
      await options.onSuccess(result.data, form);
      return;
    }
    options.onFailure?.(form);
    setFormError(applyActionErrors(form, result));
  });
  return { form, errors: form.formState.errors, formError, setFormError, onSubmit };
}
