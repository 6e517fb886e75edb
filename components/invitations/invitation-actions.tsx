"use client";
import { useRouter } from "next/navigation";
import { RotateCw, Ban } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { resendInvitationAction } from "@/lib/actions/invitations/resend-invitation";
import { revokeInvitationAction } from "@/lib/actions/invitations/revoke-invitation";
import { INVITATION_TTL_DAYS } from "@/lib/validations/invitation";

/** Resend and Revoke for one open invitation, each confirmed first. */
export function InvitationActions({ id, email }: { id: string; email: string }) {
  const router = useRouter();
  return (
    <div className="flex justify-end gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" aria-label={`Resend the invitation to ${email}`}>
            <RotateCw className="size-3.5" aria-hidden="true" />
            Resend
          </Button>
        }
        title="Send this invitation again?"
        description={`${email} gets a new link that works for ${INVITATION_TTL_DAYS} days. The link sent before stops working.`}
        confirmLabel="Resend"
        onConfirm={async () => {
          const result = await resendInvitationAction(id);
          if (!result.ok) return result;
          toast.success(`A new invitation is on its way to ${result.data.email}.`);
          router.refresh();
          return { ok: true };
        }}
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-danger" aria-label={`Revoke the invitation to ${email}`}>
            <Ban className="size-3.5" aria-hidden="true" />
            Revoke
          </Button>
        }
        title="Revoke this invitation?"
        description={`The link sent to ${email} stops working at once. You can invite the address again later.`}
        variant="danger"
        confirmLabel="Revoke invitation"
        onConfirm={async () => {
          const result = await revokeInvitationAction(id);
          if (!result.ok) return result;
          toast.success(`The invitation to ${result.data.email} was revoked.`);
          router.refresh();
          return { ok: true };
        }}
      />
    </div>
  );
}
