import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { SessionList, SignOutOthersButton } from "@/components/settings/session-list";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { listOwnSessions } from "@/lib/data/sessions/list-own-sessions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const viewer = await requirePageViewer();
  const sessions = await listOwnSessions(viewer);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Card>
      <CardHeader
        title="Where you are signed in"
        description={`Sessions end after ${Math.round(env.SESSION_IDLE_MINUTES / 60)} hours without activity, and at the latest ${env.SESSION_REMEMBER_DAYS} days after sign-in (${env.SESSION_SHORT_HOURS} hours without “remember me”).`}
        action={<SignOutOthersButton count={others} />}
      />
      <SessionList sessions={sessions} now={new Date()} />
    </Card>
  );
}
