// One signed-in device as Settings → Sessions and the admin user page both describe it: an icon for
// phone or computer, the device, "Sign-in not finished" when it stopped at the second factor, any
// extra badges the caller adds, then IP, sign-in time, last activity and "remembered".
import type { ReactNode } from "react";
import { Laptop, Smartphone } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatRelative } from "@/lib/format";

export type SessionSummaryItem = {
  device: string;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  remember: boolean;
  unfinished: boolean;
};

export function SessionSummary({
  session: s,
  now,
  badges,
}: {
  session: SessionSummaryItem;
  now: Date;
  /** Shown after the device (and after "Sign-in not finished"). */
  badges?: ReactNode;
}) {
  const Icon = /iOS|Android/.test(s.device) ? Smartphone : Laptop;
  return (
    <div className="flex min-w-0 items-start gap-3">
      <span className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-4" aria-hidden="true" />
      </span>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
          {s.device}
          {s.unfinished ? <Badge tone="warning">Sign-in not finished</Badge> : null}
          {badges}
        </p>
        <p className="mt-0.5 text-xs text-muted-foreground">
          {s.ipAddress ?? "Unknown IP"} · signed in {formatDateTime(s.createdAt)} · active{" "}
          {formatRelative(s.lastSeenAt, now)}
          {s.remember ? " · remembered" : ""}
        </p>
      </div>
    </div>
  );
}
