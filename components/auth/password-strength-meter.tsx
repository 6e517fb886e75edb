"use client";
// The strength meter under a new-password field. zxcvbn is loaded on demand (the field's focus
// starts it, or the first character typed): until it arrives the meter shows its neutral hint.
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { cn } from "@/lib/cn";
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from "@/lib/validations/password-rules";
import { loadPasswordStrength, type PasswordStrengthFn } from "@/lib/validations/load-password-strength";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLOURS = ["bg-danger", "bg-danger", "bg-warning", "bg-success", "bg-success"] as const;

/** zxcvbn's scorer once `needed` has been true and the load finished; null before (or if it failed). */
function usePasswordStrength(needed: boolean): PasswordStrengthFn | null {
  const [strength, setStrength] = useState<PasswordStrengthFn | null>(null);
  useEffect(() => {
    if (!needed || strength) return;
    let current = true;
    loadPasswordStrength().then(
      (fn) => {
        if (current) setStrength(() => fn);
      },
      () => {}, // The neutral hint stays; the server applies the policy anyway.
    );
    return () => {
      current = false;
    };
  }, [needed, strength]);
  return strength;
}

export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const deferred = useDeferredValue(password);
  const strength = usePasswordStrength(deferred !== "");
  const inputsKey = userInputs.join("\u0000");
  const result = useMemo(
    () => (deferred && strength ? strength(deferred, inputsKey.split("\u0000")) : null),
    [deferred, inputsKey, strength],
  );
  if (!result) {
    return (
      <p className="text-sm text-muted-foreground">
        At least {PASSWORD_MIN_LENGTH} characters. Spaces and symbols are welcome; a few unrelated words work well.
      </p>
    );
  }
  const tooShort = deferred.length < PASSWORD_MIN_LENGTH;
  const score = tooShort ? Math.min(result.score, 1) : result.score;
  const acceptable = !tooShort && score >= PASSWORD_MIN_SCORE;
  return (
    <div className="space-y-1.5" aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div
            key={i}
            className={cn(
              "h-1.5 flex-1 rounded-full transition-colors",
              i < Math.max(1, score) ? COLOURS[score] : "bg-muted",
            )}
          />
        ))}
      </div>
      <p className="text-sm text-muted-foreground">
        <span
          className={cn("font-medium", acceptable ? "text-success" : "text-foreground")}
          data-testid="password-strength"
        >
          {LABELS[score]}
        </span>
        {tooShort
          ? ` · ${PASSWORD_MIN_LENGTH - deferred.length} more character${PASSWORD_MIN_LENGTH - deferred.length === 1 ? "" : "s"} needed`
          : result.warning
            ? ` · ${result.warning}`
            : acceptable
              ? " · Good to go"
              : " · Add another word or a few characters"}
      </p>
    </div>
  );
}
