// Profile: what the account says about the person, read-only here (people edit their own profile).
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-6 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-foreground sm:col-span-2">{children}</dd>
    </div>
  );
}

export function ProfileCard({ user }: { user: UserDetail }) {
  return (
    <Card>
      <CardHeader title="Profile" description="People change their own name and address in Settings." />
      <dl className="divide-y divide-border">
        <Row label="Name">
          {user.firstName} {user.lastName}
        </Row>
        <Row label="Username">@{user.username}</Row>
        <Row label="Email">
          {user.email}
          <span className="ml-2 text-xs text-muted-foreground">
            {user.emailVerifiedAt ? `verified ${formatDateTime(user.emailVerifiedAt)}` : "not verified"}
          </span>
        </Row>
        <Row label="Date of birth">{dateOnly.format(user.dateOfBirth)}</Row>
        <Row label="Account created">{formatDateTime(user.createdAt)}</Row>
        <Row label="Last sign-in">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}</Row>
        <Row label="User id">
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{user.id}</code>
        </Row>
      </dl>
    </Card>
  );
}
