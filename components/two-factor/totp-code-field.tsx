import { forwardRef, type ComponentProps } from "react";
import { TextField } from "@/components/ui/text-field";
import { cn } from "@/lib/cn";

type Props = Omit<ComponentProps<typeof TextField>, "autoComplete" | "inputMode" | "placeholder" | "maxLength">;

/** The six-digit authenticator-code input (one-time-code autofill, numeric keyboard, spaced digits). */
export const TotpCodeField = forwardRef<HTMLInputElement, Props>(function TotpCodeField({ className, ...props }, ref) {
  return (
    <TextField
      ref={ref}
      autoComplete="one-time-code"
      inputMode="numeric"
      placeholder="123456"
      maxLength={7}
      className={cn("max-w-40 font-mono tracking-[0.3em]", className)}
      {...props}
    />
  );
});
