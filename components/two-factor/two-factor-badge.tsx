import { ShieldCheck, ShieldOff } from "lucide-react";

/** On/Off pill of the two-factor card. */
export function TwoFactorBadge({ on }: { on: boolean }) {
  return on ? (
    <span
      className="inline-flex items-center gap-1.5 rounded-full bg-success-soft px-3 py-1 text-xs font-medium text-success"
      data-testid="two-factor-state"
    >
      <ShieldCheck className="size-3.5" aria-hidden="true" /> On
    </span>
  ) : (
    <span
      className="inline-flex items-center gap-1.5 rounded-full bg-muted px-3 py-1 text-xs font-medium text-muted-foreground"
      data-testid="two-factor-state"
    >
      <ShieldOff className="size-3.5" aria-hidden="true" /> Off
    </span>
  );
}
