import { ShieldCheck, ShieldOff } from "lucide-react";

/**
 * On/Off pill of the two-factor card. A passkey is a second factor too: an account whose only
 * second factor is a passkey reads "On · passkey", not "Off".
 */
export function TwoFactorBadge({ on, passkeys = 0 }: { on: boolean; passkeys?: number }) {
  return on || passkeys > 0 ? (
    <span
      className="inline-flex items-center gap-1.5 rounded-full bg-success-soft px-3 py-1 text-xs font-medium text-success"
      data-testid="two-factor-state"
    >
      <ShieldCheck className="size-3.5" aria-hidden="true" /> {on ? "On" : "On · passkey"}
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
