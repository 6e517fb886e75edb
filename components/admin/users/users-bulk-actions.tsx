"use client";
// Bulk actions on the selected users: ban with a reason, assign a role. Each asks first
// (ConfirmDialog), reports the outcome as a toast (with who was skipped and why), and refreshes
// the table; a refusal of the whole request stays in the dialog.
import { Ban, UserCog } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { fullName } from "@/components/admin/users/user-columns";
import { bulkAssignRoleAction } from "@/lib/actions/admin/bulk-assign-role";
import { bulkBanUsersAction } from "@/lib/actions/admin/bulk-ban-users";
import type { ActionResult } from "@/lib/actions/run-action";
import type { RoleOption } from "@/lib/data/roles/list-role-options";
import type { UserListItem } from "@/lib/data/users/list-users";

type Skipped = { id: string; reason: string }[];

const people = (n: number) => `${n} ${n === 1 ? "user" : "users"}`;

function skippedNote(skipped: Skipped, users: readonly UserListItem[]): string {
  if (skipped.length === 0) return "";
  const names = new Map(users.map((u) => [u.id, `@${u.username}`]));
  const shown = skipped
    .slice(0, 3)
    .map((s) => `${names.get(s.id) ?? "one user"}: ${s.reason}`)
    .join("; ");
  return ` Skipped ${skipped.length}: ${shown}${skipped.length > 3 ? "; …" : ""}`;
}

/** The dialog's view of a result: field errors (reason, role) read better than the summary. */
function outcome<T>(result: ActionResult<T>, field: string): ConfirmOutcome {
  if (result.ok) return { ok: true };
  return { ok: false, error: result.fieldErrors?.[field]?.[0] ?? result.error };
}

export function UsersBulkActions({
  users,
  roles,
  onDone,
}: {
  users: readonly UserListItem[];
  roles: readonly RoleOption[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [roleId, setRoleId] = useState("");
  const ids = users.map((u) => u.id);
  const who = users.length === 1 && users[0] ? fullName(users[0]) : people(users.length);

  const ban = async (reason: string): Promise<ConfirmOutcome> => {
    const result = await bulkBanUsersAction(ids, reason);
    if (result.ok) {
      const { banned, skipped } = result.data;
      const message = `Banned ${people(banned)}.${skippedNote(skipped, users)}`;
      if (banned === 0) toast.error(message);
      else toast.success(message);
      onDone();
      router.refresh();
    }
    return outcome(result, "reason");
  };

  const assign = async (): Promise<ConfirmOutcome> => {
    const result = await bulkAssignRoleAction(ids, roleId);
    if (result.ok) {
      const { assigned, skipped } = result.data;
      const role = roles.find((r) => r.id === roleId)?.name ?? "the role";
      const message = `${role} assigned to ${people(assigned)}.${skippedNote(skipped, users)}`;
      if (assigned === 0 && skipped.length > 0) toast.error(message);
      else toast.success(message);
      setRoleId("");
      onDone();
      router.refresh();
    }
    return outcome(result, "roleId");
  };

  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm">
            <UserCog className="size-4" aria-hidden="true" />
            Assign role
          </Button>
        }
        title={`Assign a role to ${who}?`}
        description="They keep their other roles. Nobody can be given a role you do not fully hold, and your own roles stay as they are."
        confirmLabel="Assign role"
        confirmDisabled={roleId === ""}
        onOpenChange={(open) => !open && setRoleId("")}
        onConfirm={assign}
      >
        <Select
          label="Role"
          placeholder="Choose a role"
          value={roleId}
          onChange={(e) => setRoleId(e.target.value)}
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
        />
      </ConfirmDialog>
      <ConfirmDialog
        trigger={
          <Button variant="danger" size="sm">
            <Ban className="size-4" aria-hidden="true" />
            Ban
          </Button>
        }
        title={`Ban ${who}?`}
        description="They are signed out of every device at once and cannot sign in until unbanned. Your own account, and anyone you may not ban, are skipped."
        confirmLabel={users.length === 1 ? "Ban user" : `Ban ${people(users.length)}`}
        variant="danger"
        input={{
          label: "Reason",
          placeholder: "e.g. Repeated abuse reports",
          hint: "Kept in the audit log and shown on each account.",
          multiline: true,
          maxLength: 500,
        }}
        onConfirm={ban}
      />
    </>
  );
}
