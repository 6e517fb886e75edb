"use client";
// Status: ban with a reason (which ends every session at once and is emailed to the person), or
// lift a ban.
import { Ban, UserCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNote } from "@/components/admin/user-detail/refusal-note";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { banUserAction } from "@/lib/actions/admin/ban-user";
import { unbanUserAction } from "@/lib/actions/admin/unban-user";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

export function StatusCard({ user }: { user: UserDetail }) {
  const run = useAdminAction();
  const name = `${user.firstName} ${user.lastName}`;
  const banned = user.status === "banned";
  return (
    <Card>
      <CardHeader
        title="Status"
        description="A banned account cannot sign in; banning ends every session and pending link at once."
      />
      <CardBody className="space-y-4">
        {banned ? (
          <Alert tone="danger" title={`Banned${user.bannedAt ? ` ${formatDateTime(user.bannedAt)}` : ""}`}>
            <span className="text-foreground">Reason: {user.banReason ?? "none recorded"}</span>
          </Alert>
        ) : (
          <p className="text-sm text-foreground">
            <span className="font-medium">Active.</span>{" "}
            <span className="text-muted-foreground">{name} can sign in.</span>
          </p>
        )}
        <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-center sm:justify-between">
          {banned ? (
            <>
              <RefusalNote>{user.refusals.unban}</RefusalNote>
              {user.viewerMay.unban ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm">
                      <UserCheck className="size-4" aria-hidden="true" /> Lift ban
                    </Button>
                  }
                  title={`Lift the ban on ${name}?`}
                  description={`${name} can sign in again with their password and is told so by email.`}
                  confirmLabel="Lift ban"
                  onConfirm={() => run(() => unbanUserAction(user.id), `${name} can sign in again.`)}
                />
              ) : null}
            </>
          ) : (
            <>
              <RefusalNote>{user.refusals.ban}</RefusalNote>
              {user.viewerMay.ban ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="danger" size="sm">
                      <Ban className="size-4" aria-hidden="true" /> Ban user
                    </Button>
                  }
                  title={`Ban ${name}?`}
                  description={`${name} is signed out everywhere at once, every pending link stops working, and they cannot sign in until the ban is lifted. They are emailed the reason.`}
                  variant="danger"
                  confirmLabel="Ban user"
                  input={{
                    label: "Reason",
                    placeholder: "e.g. Repeated spam on the board",
                    hint: "3–500 characters. Kept in the audit log and sent to the person.",
                    multiline: true,
                    maxLength: 500,
                  }}
                  onConfirm={(reason) =>
                    reason.length < 3
                      ? { ok: false, error: "Give a reason of at least 3 characters." }
                      : run(
                          () => banUserAction({ userId: user.id, reason }),
                          (d) => `${name} is banned${d.sessionsEnded ? ` and was signed out of ${d.sessionsEnded} session${d.sessionsEnded === 1 ? "" : "s"}` : ""}.`,
                        )
                  }
                />
              ) : null}
            </>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
