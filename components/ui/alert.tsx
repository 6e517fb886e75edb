import type { ReactNode } from "react";
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "@/lib/cn";

const tones = {
  info: { box: "border-brand/30 bg-brand-soft text-foreground", icon: Info, iconClass: "text-brand" },
  success: { box: "border-success/30 bg-success-soft text-foreground", icon: CheckCircle2, iconClass: "text-success" },
  warning: { box: "border-warning/30 bg-warning-soft text-foreground", icon: AlertTriangle, iconClass: "text-warning" },
  danger: { box: "border-danger/30 bg-danger-soft text-foreground", icon: XCircle, iconClass: "text-danger" },
} as const;

export function Alert({
  tone = "info",
  title,
  children,
  className,
  action,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  action?: ReactNode;
}) {
  const t = tones[tone];
  const Icon = t.icon;
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", t.box, className)}
    >
      <Icon className={cn("mt-0.5 size-4 shrink-0", t.iconClass)} aria-hidden="true" />
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="text-muted-foreground">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
