"use client";
import { useRouter } from "next/navigation";
import { Check, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { approveStaffAction } from "@/lib/actions/staff/approve-staff";
import { rejectStaffAction } from "@/lib/actions/staff/reject-staff";
import { STAFF_REJECTION_REASON_MAX } from "@/lib/validations/staff";

/** Approve and Reject for one application in the queue; each asks first, Reject asks for a reason. */
export function StaffDecisionButtons({
  userId,
  name,
  email,
  emailVerified,
  disabledReason,
}: {
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  /** Set when the viewer may not decide this one (their own application). */
  disabledReason?: string;
}) {
  const router = useRouter();
  if (disabledReason) {
    return <p className="text-right text-xs text-muted-foreground">{disabledReason}</p>;
  }
  return (
    <div className="flex justify-end gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" aria-label={`Reject ${name}`}>
            <X className="size-4" aria-hidden="true" />
            Reject
          </Button>
        }
        title={`Reject ${name}'s application?`}
        description={`Their account stays an ordinary one. We email ${email} the reason you give.`}
        variant="danger"
        confirmLabel="Reject application"
        input={{
          label: "Reason",
          placeholder: "e.g. We could not match this account to a member of staff.",
          hint: "Required. The applicant reads it.",
          multiline: true,
          maxLength: STAFF_REJECTION_REASON_MAX,
        }}
        onConfirm={async (reason) => {
          const result = await rejectStaffAction(userId, reason);
          if (!result.ok) return { ok: false, error: result.fieldErrors?.reason?.[0] ?? result.error };
          toast.success(`${name}'s application was rejected.`);
          router.refresh();
          return { ok: true };
        }}
      />
      <ConfirmDialog
        trigger={
          <Button size="sm" aria-label={`Approve ${name}`}>
            <Check className="size-4" aria-hidden="true" />
            Approve
          </Button>
        }
        title={`Approve ${name} as staff?`}
        description={
          <>
            They get the Staff role (customers, transactions, the board) from their next page, and an email at {email}.
            {emailVerified
              ? null
              : " Their email address is not confirmed yet: records stay locked for them until it is."}
          </>
        }
        confirmLabel="Approve"
        onConfirm={async () => {
          const result = await approveStaffAction(userId);
          if (!result.ok) return result;
          toast.success(`${name} is now staff.`);
          router.refresh();
          return { ok: true };
        }}
      />
    </div>
  );
}
