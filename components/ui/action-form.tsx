import type { FormEventHandler, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * The form element of every form that calls a server action (with useActionForm, or, on the
 * sign-in page, which ships no form library, with the browser's own validation). It always posts,
 * so a native submit before hydration never puts a password in a URL, and shows the form-level
 * error, when there is one, above the fields.
 */
export function ActionForm({
  onSubmit,
  formError,
  className,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Omit to place the error yourself. */
  formError?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form method="post" onSubmit={onSubmit} noValidate className={className}>
      {formError ? <Alert tone="danger" title={formError} /> : null}
      {children}
    </form>
  );
}
