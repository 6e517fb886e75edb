import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { OwnActivityList } from "@/components/logs/own-activity-list";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listOwnAuditEvents } from "@/lib/data/audit/list-own-audit-events";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePagePermission("audit.read_own");
  const page = await listOwnAuditEvents(viewer, await searchParams);
  return (
    <Card>
      <CardHeader
        title="Security activity"
        description="Sign-ins to your account (also failed ones), changes to your password, email and two-factor settings, signed-out devices, API keys, and what administrators changed on your account. Something you do not recognise? Change your password and sign out other devices."
      />
      <OwnActivityList page={page} now={new Date()} />
    </Card>
  );
}
