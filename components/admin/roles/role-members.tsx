// Who holds the role (the first 50), each linking to their page in the admin console.
import Link from "next/link";
import { ChevronRight, Users } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";

export function RoleMembers({
  roleKey,
  members,
  total,
  linkToUsers,
}: {
  roleKey: string;
  members: { id: string; name: string; username: string; email: string }[];
  total: number;
  /** The viewer may open users (users.read). */
  linkToUsers: boolean;
}) {
  return (
    <Card data-testid="role-members">
      <CardHeader title="Members" description={total === 1 ? "1 person holds this role." : `${total} people hold this role.`} />
      {members.length === 0 ? (
        <div className="flex flex-col items-center px-6 py-8 text-center">
          <Users className="size-6 text-muted-foreground" aria-hidden="true" />
          <p className="mt-2 text-sm text-muted-foreground">Nobody holds this role yet.</p>
        </div>
      ) : (
        <ul className="divide-y divide-border">
          {members.map((m) => {
            const body = (
              <>
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xs font-semibold uppercase text-brand">
                  {m.name.slice(0, 1) || m.username.slice(0, 1)}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-foreground">{m.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">
                    @{m.username} · {m.email}
                  </span>
                </span>
              </>
            );
            return (
              <li key={m.id}>
                {linkToUsers ? (
                  <Link
                    href={`/admin/users/${m.id}`}
                    className="flex items-center gap-3 px-6 py-2.5 transition hover:bg-muted/40 focus-visible:bg-muted/40"
                  >
                    {body}
                    <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                  </Link>
                ) : (
                  <div className="flex items-center gap-3 px-6 py-2.5">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {total > members.length ? (
        <div className="border-t border-border px-6 py-3 text-sm text-muted-foreground">
          And {total - members.length} more.{" "}
          {linkToUsers ? (
            <Link href={`/admin/users?${new URLSearchParams({ role: roleKey })}`} className="font-medium text-brand hover:underline">
              See all in Users
            </Link>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
