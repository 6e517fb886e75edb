import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { Brand } from "@/components/layout/brand";
import { ImpersonationBanner } from "@/components/layout/impersonation-banner";
import { UserMenu } from "@/components/layout/user-menu";
import { VerifyEmailBanner } from "@/components/layout/verify-email-banner";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { getImpersonation } from "@/lib/data/impersonation/get-impersonation";
import { countPendingStaff } from "@/lib/data/staff/count-pending-staff";
import { visibleNav } from "@/lib/navigation";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const name = `${viewer.firstName} ${viewer.lastName}`.trim();
  const initials = `${viewer.firstName[0] ?? ""}${viewer.lastName[0] ?? ""}`.toUpperCase() || "?";
  const [pendingStaff, impersonation] = await Promise.all([countPendingStaff(viewer), getImpersonation(viewer)]);
  const banners = [
    impersonation ? (
      <ImpersonationBanner
        key="impersonation"
        userName={impersonation.user.name}
        username={impersonation.user.username}
        adminName={impersonation.admin.name}
        remainingMs={impersonation.remainingMs}
      />
    ) : null,
    viewer.emailVerified ? null : <VerifyEmailBanner key="verify-email" email={viewer.email} />,
  ].filter(Boolean);
  return (
    <AppShell
      brand={<Brand href="/dashboard" />}
      nav={visibleNav(viewer.permissions).map(({ key, href, label }) => ({
        key,
        href,
        label,
        ...(key === "approvals" ? { count: pendingStaff } : {}),
      }))}
      userMenu={<UserMenu name={name} email={viewer.email} initials={initials} />}
      banner={banners.length ? banners : null}
    >
      {children}
    </AppShell>
  );
}
