import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

const tones = { brand: "bg-brand-soft text-brand", warning: "bg-warning-soft text-warning" } as const;

/** A short explanation beside a round icon, as on the email-link pages. */
export function IconNote({
  icon: Icon,
  tone = "brand",
  children,
  status,
}: {
  icon: LucideIcon;
  tone?: keyof typeof tones;
  children: ReactNode;
  status?: boolean;
}) {
  return (
    <div className="flex gap-4" role={status ? "status" : undefined}>
      <div className={cn("flex size-10 shrink-0 items-center justify-center rounded-full", tones[tone])}>
        <Icon className="size-5" aria-hidden="true" />
      </div>
      <p className="text-sm text-muted-foreground">{children}</p>
    </div>
  );
}
