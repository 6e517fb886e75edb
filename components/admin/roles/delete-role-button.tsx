"use client";
// Delete a custom role. When people hold it (or pending invitations offer it), the dialog asks for
// the role they move to; the move and the deletion happen in one transaction.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select, type SelectOption } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { deleteRoleAction } from "@/lib/actions/roles/delete-role";

export function DeleteRoleButton({
  roleId,
  roleName,
  memberCount,
  pendingInvitationCount,
  childCount,
  targets,
}: {
  roleId: string;
  roleName: string;
  memberCount: number;
  pendingInvitationCount: number;
  childCount: number;
  /** Roles the members could move to; `disabled` when it grants what the viewer lacks. */
  targets: SelectOption[];
}) {
  const router = useRouter();
  const [target, setTarget] = useState("");
  const needsTarget = memberCount > 0 || pendingInvitationCount > 0;
  const people = `${memberCount} ${memberCount === 1 ? "person holds" : "people hold"} it`;
  const invites = `${pendingInvitationCount} pending invitation${pendingInvitationCount === 1 ? " offers" : "s offer"} it`;
  const held = [memberCount ? people : null, pendingInvitationCount ? invites : null].filter(Boolean).join(" and ");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="text-danger">
          <Trash2 className="size-4" aria-hidden="true" /> Delete role
        </Button>
      }
      variant="danger"
      title={`Delete “${roleName}”?`}
      description={
        needsTarget
          ? `${held[0]!.toUpperCase()}${held.slice(1)}. Choose the role they move to; the move and the deletion happen together.`
          : "Nobody holds this role. It is deleted with its permissions."
      }
      confirmLabel={needsTarget ? "Move and delete" : "Delete role"}
      confirmDisabled={needsTarget && !target}
      onOpenChange={(open) => (open ? setTarget("") : null)}
      onConfirm={async () => {
        const result = await deleteRoleAction(roleId, { reassignTo: target || null });
        if (!result.ok) return { ok: false, error: result.fieldErrors?.reassignTo?.[0] ?? result.error };
        toast.success(
          result.data.reassignedTo
            ? `Deleted “${result.data.name}”; ${memberCount} member${memberCount === 1 ? "" : "s"} now hold${memberCount === 1 ? "s" : ""} “${result.data.reassignedTo}”.`
            : `Deleted “${result.data.name}”.`,
        );
        router.push("/admin/roles");
        router.refresh();
      }}
    >
      {needsTarget ? (
        <Select
          label="Move them to"
          placeholder="Choose a role…"
          options={targets}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      ) : null}
      {childCount > 0 ? (
        <p className="text-sm text-muted-foreground">
          {childCount} role{childCount === 1 ? " inherits" : "s inherit"} from this one and will inherit from its parent
          instead.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
