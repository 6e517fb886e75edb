import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { EffectivePermissionsCard } from "@/components/admin/user-detail/effective-permissions-card";
import { ProfileCard } from "@/components/admin/user-detail/profile-card";
import { RolesEditor } from "@/components/admin/user-detail/roles-editor";
import { SectionSkeleton } from "@/components/admin/user-detail/section-skeleton";
import { SecurityCard } from "@/components/admin/user-detail/security-card";
import { SessionsCard } from "@/components/admin/user-detail/sessions-card";
import { StaffApplicationCard } from "@/components/admin/user-detail/staff-application-card";
import { StatusCard } from "@/components/admin/user-detail/status-card";
import { UserActivityList } from "@/components/admin/user-detail/user-activity-list";
import { UserDetailHeader } from "@/components/admin/user-detail/user-detail-header";
import { UserDetailTabs, type UserDetailTab } from "@/components/admin/user-detail/user-detail-tabs";
import { ImpersonateButton } from "@/components/impersonation/impersonate-button";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { getUserDetail, type UserDetail } from "@/lib/data/users/get-user-detail";
import { listUserActivity } from "@/lib/data/users/list-user-activity";
import { listUserSessions } from "@/lib/data/users/list-user-sessions";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> };

// The permission check and the lookup are awaited before anything renders (no loading.tsx in this
// segment; the slower sections stream in their own Suspense boundaries), so a refusal answers HTTP
// 403 and an unknown id HTTP 404, not a 200 that only looks like one.

/** The viewer and the user, or the 403 / 404 page; once per request (metadata and page share it). */
const loadUser = cache(async (id: string): Promise<{ viewer: Viewer; user: UserDetail }> => {
  const viewer = await requirePagePermission("users.read");
  try {
    return { viewer, user: await getUserDetail(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The page itself answers a refusal or an unknown id; the title then stays generic.
  const loaded = await loadUser((await params).id).catch(() => null);
  return { title: loaded ? `${loaded.user.firstName} ${loaded.user.lastName} · Users` : "User" };
}

async function Sessions({ viewer, user, now }: { viewer: Viewer; user: UserDetail; now: Date }) {
  return <SessionsCard user={user} sessions={await listUserSessions(viewer, user.id)} now={now} />;
}

async function Activity({ viewer, user, now }: { viewer: Viewer; user: UserDetail; now: Date }) {
  return <UserActivityList items={await listUserActivity(viewer, user.id)} userId={user.id} now={now} />;
}

export default async function UserDetailPage({ params, searchParams }: Props) {
  const [{ id }, { tab }] = await Promise.all([params, searchParams]);
  const { viewer, user } = await loadUser(id);
  const now = new Date();
  const name = `${user.firstName} ${user.lastName}`;

  const tabs: UserDetailTab[] = [
    {
      value: "overview",
      label: "Overview",
      content: (
        <>
          {user.staffApproval === "pending" ? <StaffApplicationCard user={user} /> : null}
          <StatusCard user={user} />
          <ProfileCard user={user} />
        </>
      ),
    },
    {
      value: "roles",
      label: "Roles",
      count: user.roles.length,
      content: (
        <>
          <RolesEditor user={user} />
          <EffectivePermissionsCard user={user} />
        </>
      ),
    },
  ];
  if (can(viewer, "sessions.manage")) {
    tabs.push({
      value: "sessions",
      label: "Sessions",
      count: user.activeSessions,
      content: (
        <Suspense fallback={<SectionSkeleton label="Loading sessions…" />}>
          <Sessions viewer={viewer} user={user} now={now} />
        </Suspense>
      ),
    });
  }
  tabs.push({ value: "security", label: "Security", content: <SecurityCard user={user} /> });
  if (user.viewerMay.readActivity) {
    tabs.push({
      value: "activity",
      label: "Activity",
      content: (
        <Suspense fallback={<SectionSkeleton label="Loading activity…" rows={5} />}>
          <Activity viewer={viewer} user={user} now={now} />
        </Suspense>
      ),
    });
  }

  return (
    <>
      <UserDetailHeader
        user={user}
        actions={user.viewerMay.impersonate ? <ImpersonateButton userId={user.id} name={name} /> : undefined}
      />
      <UserDetailTabs tabs={tabs} initial={typeof tab === "string" ? tab : "overview"} />
    </>
  );
}
