"use client";
// A staff application waiting for a decision: approve (grants Staff) or reject with a reason; the
// applicant is emailed either way (lib/data/staff).
import { Check, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNote } from "@/components/admin/user-detail/refusal-note";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { approveStaffAction } from "@/lib/actions/staff/approve-staff";
import { rejectStaffAction } from "@/lib/actions/staff/reject-staff";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

export function StaffApplicationCard({ user }: { user: UserDetail }) {
  const run = useAdminAction();
  const name = `${user.firstName} ${user.lastName}`;
  return (
    <Card className="border-sky-600/30 dark:border-sky-400/30">
      <CardHeader
        title="Staff application"
        description={`Asked for a staff account${user.staffRequestedAt ? ` ${formatDateTime(user.staffRequestedAt)}` : ""}. Until a decision, ${user.firstName} can sign in but sees only a waiting page.`}
      />
      <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <RefusalNote>{user.refusals.decideStaffApplication}</RefusalNote>
        {user.viewerMay.decideStaffApplication ? (
          <div className="flex flex-wrap gap-2 sm:ml-auto">
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  <X className="size-4" aria-hidden="true" /> Reject
                </Button>
              }
              title={`Reject ${name}'s application?`}
              description={`${user.firstName} keeps a normal account and is emailed the reason.`}
              variant="danger"
              confirmLabel="Reject application"
              input={{ label: "Reason", multiline: true, maxLength: 500, hint: "Sent to the applicant." }}
              onConfirm={(reason) => run(() => rejectStaffAction(user.id, reason), `${name}'s application was rejected.`)}
            />
            <ConfirmDialog
              trigger={
                <Button size="sm">
                  <Check className="size-4" aria-hidden="true" /> Approve
                </Button>
              }
              title={`Approve ${name} as staff?`}
              description={`${user.firstName} gets the Staff role on their next request and is emailed.`}
              confirmLabel="Approve"
              onConfirm={() => run(() => approveStaffAction(user.id), `${name} is now staff.`)}
            />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
