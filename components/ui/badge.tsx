// Status chips. One component with a fixed set of tones instead of ad-hoc class strings, so
// "banned", "2FA on", "pending" read the same everywhere and follow dark mode through the tokens.
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/cn";

const tones = {
  neutral: "bg-muted text-muted-foreground ring-border",
  success: "bg-success-soft text-success ring-success/25",
  warning: "bg-warning-soft text-warning ring-warning/25",
  danger: "bg-danger-soft text-danger ring-danger/25",
  info: "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-400/25",
  brand: "bg-brand-soft text-brand ring-brand/25",
} as const;

const dots = {
  neutral: "bg-muted-foreground",
  success: "bg-success",
  warning: "bg-warning",
  danger: "bg-danger",
  info: "bg-sky-500",
  brand: "bg-brand",
} as const;

export type BadgeTone = keyof typeof tones;

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  /** Colour meaning: neutral (default), success, warning, danger, info, brand. */
  tone?: BadgeTone;
  /** A small leading dot in the tone's colour (for states such as "Active"). */
  dot?: boolean;
  /** A leading icon (e.g. a lucide icon element with className="size-3"). */
  icon?: ReactNode;
};

/** `<Badge tone="success">Verified</Badge>` */
export function Badge({ tone = "neutral", dot = false, icon, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cn("size-1.5 rounded-full", dots[tone])} /> : null}
      {icon}
      {children}
    </span>
  );
}
