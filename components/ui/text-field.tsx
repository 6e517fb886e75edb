import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";
import { Field, describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  labelAside?: ReactNode;
  /** Shown under the input, e.g. a strength meter. */
  children?: ReactNode;
};

/** A labelled input with hint and inline error, wired for screen readers; takes react-hook-form's register(). */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField(
  { id, label, hint, error, labelAside, children, ...input },
  ref,
) {
  return (
    <Field id={id} label={label} hint={hint} error={error} labelAside={labelAside}>
      <Input ref={ref} id={id} invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...input} />
      {children}
    </Field>
  );
});
