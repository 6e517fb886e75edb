import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { Brand } from "@/components/layout/brand";
import { UserMenu } from "@/components/layout/user-menu";
import { VerifyEmailBanner } from "@/components/layout/verify-email-banner";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { countPendingStaff } from "@/lib/data/staff/count-pending-staff";
import { visibleNav } from "@/lib/navigation";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const name = `${viewer.firstName} ${viewer.lastName}`.trim();
  const initials = `${viewer.firstName[0] ?? ""}${viewer.lastName[0] ?? ""}`.toUpperCase() || "?";
  const pendingStaff = await countPendingStaff(viewer);
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
      banner={viewer.emailVerified ? null : <VerifyEmailBanner email={viewer.email} />}
    >
      {children}
    </AppShell>
  );
}
