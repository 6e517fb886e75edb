import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { CheckCircle2, CircleAlert, KeyRound, ShieldCheck, UserRound } from "lucide-react";
import { ActivityList } from "@/components/activity/activity-list";
import { SalesSummary } from "@/components/dashboard/sales-summary";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { decodeTimeZoneCookie, TIME_ZONE_COOKIE } from "@/components/ui/time-zone";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listOwnActivity } from "@/lib/data/activity/list-own-activity";
import { getKpis } from "@/lib/data/analytics/get-kpis";
import { getSalesSeries } from "@/lib/data/analytics/get-sales-series";
import { can } from "@/lib/rbac/can";
import { isTimeZone, parseAnalyticsQuery } from "@/lib/validations/analytics";

export const metadata: Metadata = { title: "Dashboard" };

/** Today and the last 7 days of sales, for those who may see analytics (null for everyone else). */
async function salesSummary(viewer: Viewer) {
  if (!can(viewer, "analytics.read")) return null;
  const remembered = decodeTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "";
  const tz = isTimeZone(remembered) ? remembered : "UTC";
  const today = parseAnalyticsQuery({ preset: "today", tz });
  const week = parseAnalyticsQuery({ preset: "last_7_days", tz, bucket: "day" });
  // The week decides the currency (today may have no sales yet), so both figures are in one.
  const weekKpis = await getKpis(viewer, week);
  const { currency } = weekKpis;
  const [todayKpis, series] = await Promise.all([
    getKpis(viewer, { ...today, currency }),
    getSalesSeries(viewer, { ...week, currency, compare: false }),
  ]);
  return <SalesSummary today={todayKpis} week={weekKpis} series={series} tz={tz} />;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const viewer = await requirePagePermission("dashboard.view");
  const { notice } = await searchParams;
  const [activity, sales] = await Promise.all([listOwnActivity(viewer, 10), salesSummary(viewer)]);
  const now = new Date();
  const checks = [
    {
      label: "Email address",
      ok: viewer.emailVerified,
      detail: viewer.emailVerified ? `${viewer.email} is confirmed` : `Confirm ${viewer.email} to unlock your features`,
      icon: UserRound,
    },
    {
      label: "Two-factor authentication",
      ok: viewer.twoFactorEnabled,
      detail: viewer.twoFactorEnabled
        ? "On: sign-ins need a code from your app"
        : "Off: add a second step to every sign-in",
      icon: ShieldCheck,
      href: "/settings/security",
    },
  ];
  return (
    <>
      <PageHeader
        title={`Welcome back, ${viewer.firstName}`}
        description="Here is what is happening with your account."
      />
      {notice === "verified" ? (
        <Alert tone="success" title="Email confirmed. Every feature of your role is now available." className="mb-6" />
      ) : null}
      {sales ? <div className="mb-6">{sales}</div> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Recent activity" description="Your last ten actions and sign-ins." />
          <ActivityList items={activity} now={now} />
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Account" description={`Signed in as @${viewer.username}`} />
            <CardBody className="space-y-4">
              {checks.map((c) => (
                <div key={c.label} className="flex gap-3">
                  {c.ok ? (
                    <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden="true" />
                  ) : (
                    <CircleAlert className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden="true" />
                  )}
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-foreground">{c.label}</p>
                    <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]">{c.detail}</p>
                    {!c.ok && c.href ? (
                      <Link href={c.href} className="mt-1 inline-block text-sm font-medium text-brand hover:underline">
                        Set it up
                      </Link>
                    ) : null}
                  </div>
                </div>
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Your roles" />
            <CardBody>
              <ul className="flex flex-wrap gap-2">
                {viewer.roles.map((r) => (
                  <li
                    key={r.key}
                    className="inline-flex items-center gap-1.5 rounded-full bg-brand-soft px-3 py-1 text-xs font-medium text-brand"
                  >
                    <KeyRound className="size-3" aria-hidden="true" />
                    {r.name}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
