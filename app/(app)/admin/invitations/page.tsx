import type { Metadata } from "next";
import { History, MailPlus } from "lucide-react";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { InvitationStatusBadge } from "@/components/invitations/invitation-status-badge";
import { InviteForm } from "@/components/invitations/invite-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ListCard } from "@/components/ui/list-card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listInvitations, type InvitationListItem } from "@/lib/data/invitations/list-invitations";
import { STAFF_ROLE } from "@/lib/rbac/built-in-roles";

export const metadata: Metadata = { title: "Invitations" };

/** "in 3 days" / "in 5 h" / "within the hour" for an expiry still ahead. */
function inFuture(date: Date, now: Date): string {
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  const hours = Math.round((date.getTime() - now.getTime()) / 3_600_000);
  return days >= 1 ? `in ${days} day${days === 1 ? "" : "s"}` : hours >= 1 ? `in ${hours} h` : "within the hour";
}

function Who({ item }: { item: InvitationListItem }) {
  return (
    <>
      <p className="font-medium text-foreground">{item.email}</p>
      <p className="text-xs text-muted-foreground">
        {item.roleName} · invited by {item.invitedBy ?? "a former user"}
      </p>
    </>
  );
}

export default async function InvitationsPage() {
  const viewer = await requirePagePermission("users.invite");
  const { open, history, roles } = await listInvitations(viewer);
  const now = new Date();
  const defaultRoleId = (roles.find((r) => r.key === STAFF_ROLE) ?? roles[0])?.id ?? "";
  return (
    <>
      <PageHeader
        title="Invitations"
        description="Invite people by email with a role. They choose their username and password; the address is theirs already."
      />
      <Card>
        <CardHeader
          title="Invite someone"
          description="You can offer only roles whose permissions you hold yourself."
        />
        <CardBody>
          {roles.length === 0 ? (
            <Alert tone="warning" title="No role you can give">
              Every role grants something you do not hold yourself, so you cannot invite anyone yet.
            </Alert>
          ) : (
            <InviteForm roles={roles} defaultRoleId={defaultRoleId} />
          )}
        </CardBody>
      </Card>

      <ListCard
        className="mt-8"
        title="Open invitations"
        description="Not accepted yet. An expired one can be sent again with a fresh link."
        isEmpty={open.length === 0}
        empty={{
          icon: MailPlus,
          title: "No open invitations",
          description: "Invitations you send appear here until they are accepted or revoked.",
        }}
      >
        <Table>
          <THead>
            <tr>
              <Th>Invitee</Th>
              <Th>Status</Th>
              <Th>Sent</Th>
              <Th>Expires</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {open.map((item) => (
              <Tr key={item.id} data-testid="invitation-row">
                <Td>
                  <Who item={item} />
                </Td>
                <Td>
                  <InvitationStatusBadge status={item.status} />
                </Td>
                <Td className="whitespace-nowrap text-muted-foreground">
                  <RelativeTime date={item.lastSentAt} now={now} />
                </Td>
                <Td className="whitespace-nowrap text-muted-foreground">
                  <RelativeTime date={item.expiresAt} now={now}>
                    {item.status === "expired" ? undefined : inFuture(item.expiresAt, now)}
                  </RelativeTime>
                </Td>
                <Td>
                  {item.canManage ? (
                    <InvitationActions id={item.id} email={item.email} />
                  ) : (
                    <p className="text-right text-xs text-muted-foreground">Its role grants more than you hold.</p>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListCard>

      <ListCard
        className="mt-8"
        title="History"
        description="Accepted and revoked invitations, newest first (the last 50)."
        isEmpty={history.length === 0}
        empty={{
          icon: History,
          title: "No history yet",
          description: "Accepted and revoked invitations are kept here.",
        }}
      >
        <Table>
          <THead>
            <tr>
              <Th>Invitee</Th>
              <Th>Status</Th>
              <Th>Account</Th>
              <Th>When</Th>
            </tr>
          </THead>
          <TBody>
            {history.map((item) => (
              <Tr key={item.id} data-testid="invitation-history-row">
                <Td>
                  <Who item={item} />
                </Td>
                <Td>
                  <InvitationStatusBadge status={item.status} />
                </Td>
                <Td className="text-muted-foreground">{item.acceptedUsername ? `@${item.acceptedUsername}` : "—"}</Td>
                <Td className="whitespace-nowrap text-muted-foreground">
                  {item.closedAt ? <RelativeTime date={item.closedAt} now={now} /> : "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListCard>
    </>
  );
}
