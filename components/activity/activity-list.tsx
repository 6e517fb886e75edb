import {
  Activity,
  Globe,
  KeyRound,
  LogIn,
  LogOut,
  Mail,
  MailCheck,
  MonitorX,
  ShieldAlert,
  ShieldCheck,
  ShieldOff,
  UserCog,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { OwnActivityItem } from "@/lib/data/activity/list-own-activity";
import { describeUserAgent } from "@/lib/http/user-agent";
import { formatDateTime, formatRelative } from "@/lib/format";

const ICONS: Record<string, LucideIcon> = {
  "user.signed_up": UserPlus,
  "user.email_verified": MailCheck,
  "auth.sign_in_succeeded": LogIn,
  "auth.signed_out": LogOut,
  "auth.sign_in_failed": ShieldAlert,
  "auth.password_accepted": KeyRound,
  "auth.first_factor_accepted": KeyRound,
  "auth.account_locked": ShieldAlert,
  "auth.second_factor_failed": ShieldAlert,
  "auth.second_factor_locked": ShieldAlert,
  "auth.two_factor_enrolment_started": ShieldCheck,
  "auth.two_factor_enabled": ShieldCheck,
  "auth.two_factor_disabled": ShieldOff,
  "auth.recovery_codes_regenerated": KeyRound,
  "auth.recovery_code_used": KeyRound,
  "auth.password_reset_requested": KeyRound,
  "auth.password_reset": KeyRound,
  "auth.password_changed": KeyRound,
  "auth.session_revoked": MonitorX,
  "auth.other_sessions_revoked": MonitorX,
  "user.profile_updated": UserCog,
  "user.email_change_requested": Mail,
  "user.email_changed": Mail,
  "user.verification_email_sent": Mail,
};

const WARNINGS = new Set([
  "auth.sign_in_failed",
  "auth.account_locked",
  "auth.second_factor_failed",
  "auth.second_factor_locked",
  "auth.two_factor_disabled",
]);

export function ActivityList({ items, now }: { items: OwnActivityItem[]; now: Date }) {
  if (items.length === 0) {
    return (
      <EmptyState
        icon={Activity}
        title="No activity yet"
        description="Sign-ins, changes to your account and other actions you take appear here."
      />
    );
  }
  return (
    <ol className="divide-y divide-border" aria-label="Recent activity">
      {items.map((item) => {
        const Icon = ICONS[item.action] ?? Activity;
        const warn = WARNINGS.has(item.action);
        return (
          <li key={item.id} className="flex items-start gap-3 px-6 py-3.5">
            <span
              className={
                warn
                  ? "mt-0.5 flex size-8 items-center justify-center rounded-full bg-danger-soft text-danger"
                  : "mt-0.5 flex size-8 items-center justify-center rounded-full bg-brand-soft text-brand"
              }
            >
              <Icon className="size-4" aria-hidden="true" />
            </span>
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-foreground">{item.label}</p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                {item.userAgent ? <span>{describeUserAgent(item.userAgent)}</span> : null}
                {item.ipAddress ? (
                  <span className="inline-flex items-center gap-1">
                    <Globe className="size-3" aria-hidden="true" />
                    {item.ipAddress}
                  </span>
                ) : null}
              </p>
            </div>
            <time
              className="shrink-0 text-xs text-muted-foreground"
              dateTime={item.createdAt.toISOString()}
              title={formatDateTime(item.createdAt)}
            >
              {formatRelative(item.createdAt, now)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
