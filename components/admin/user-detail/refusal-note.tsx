import { Lock } from "lucide-react";

/** Why a control is not offered: shown instead of it, so the page never offers what the DAL would refuse. */
export function RefusalNote({ children }: { children: string | undefined }) {
  if (!children) return null;
  return (
    <p className="flex items-start gap-1.5 text-xs text-muted-foreground">
      <Lock className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}
