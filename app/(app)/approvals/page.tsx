import type { Metadata } from "next";
import { CheckCircle2, UserCheck } from "lucide-react";
import { StaffDecisionButtons } from "@/components/staff/staff-decision-buttons";
import { Badge } from "@/components/ui/badge";
import { ListCard } from "@/components/ui/list-card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listStaffApplications } from "@/lib/data/staff/list-staff-applications";

export const metadata: Metadata = { title: "Staff approvals" };

function Applicant({ name, username }: { name: string; username: string }) {
  return (
    <>
      <p className="font-medium text-foreground">{name}</p>
      <p className="text-xs text-muted-foreground">@{username}</p>
    </>
  );
}

export default async function ApprovalsPage() {
  const viewer = await requirePagePermission("staff.approve");
  const { pending, recent, morePending } = await listStaffApplications(viewer);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Staff approvals"
        description="People who asked for a staff account at sign-up. Approving grants the Staff role; either way the applicant is emailed."
      />
      <ListCard
        title="Waiting for a decision"
        description={
          pending.length === 0
            ? "Nothing to review."
            : `${pending.length}${morePending ? "+" : ""} application${pending.length === 1 ? "" : "s"}, oldest first.`
        }
        isEmpty={pending.length === 0}
        empty={{
          icon: CheckCircle2,
          title: "All caught up",
          description: "New staff applications appear here, and their count in the sidebar.",
        }}
      >
        <Table>
          <THead>
            <tr>
              <Th>Applicant</Th>
              <Th>Email</Th>
              <Th>Applied</Th>
              <Th className="text-right">
                <span className="sr-only">Decision</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {pending.map((a) => {
              const name = `${a.firstName} ${a.lastName}`.trim();
              return (
                <Tr key={a.userId} data-testid="staff-application">
                  <Td>
                    <Applicant name={name} username={a.username} />
                  </Td>
                  <Td>
                    <p className="text-foreground">{a.email}</p>
                    <Badge tone={a.emailVerified ? "success" : "warning"} dot className="mt-1">
                      {a.emailVerified ? "Verified" : "Not verified"}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap text-muted-foreground">
                    <RelativeTime date={a.appliedAt} now={now} />
                  </Td>
                  <Td>
                    <StaffDecisionButtons
                      userId={a.userId}
                      name={name}
                      email={a.email}
                      emailVerified={a.emailVerified}
                      disabledReason={a.self ? "Your own application: another approver decides it." : undefined}
                    />
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </ListCard>

      <ListCard
        className="mt-8"
        title="Recent decisions"
        description="The last 20 applications decided, newest first."
        isEmpty={recent.length === 0}
        empty={{
          icon: UserCheck,
          title: "No decisions yet",
          description: "Approved and rejected applications are listed here.",
        }}
      >
        <Table>
          <THead>
            <tr>
              <Th>Applicant</Th>
              <Th>Decision</Th>
              <Th>By</Th>
              <Th>When</Th>
            </tr>
          </THead>
          <TBody>
            {recent.map((d) => (
              <Tr key={d.userId} data-testid="staff-decision">
                <Td>
                  <Applicant name={`${d.firstName} ${d.lastName}`.trim()} username={d.username} />
                </Td>
                <Td className="max-w-sm">
                  <Badge tone={d.decision === "approved" ? "success" : "danger"}>
                    {d.decision === "approved" ? "Approved" : "Rejected"}
                  </Badge>
                  {d.reason ? <p className="mt-1 line-clamp-2 text-xs text-muted-foreground">{d.reason}</p> : null}
                </Td>
                <Td className="text-muted-foreground">{d.decidedBy ?? "—"}</Td>
                <Td className="whitespace-nowrap text-muted-foreground">
                  <RelativeTime date={d.decidedAt} now={now} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListCard>
    </>
  );
}
