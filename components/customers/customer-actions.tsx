"use client";
// What a customers.write holder may do to one customer: edit (dialog), archive or restore, and
// delete after a confirmation (a customer with transactions is archived instead, and the toast
// says so). As a row's "⋯" menu in the table, or as buttons on the customer's page. Every action
// names the version shown, so acting on a customer someone changed meanwhile is refused.
import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { CustomerFormDialog } from "@/components/customers/customer-form-dialog";
import { archiveCustomerAction } from "@/lib/actions/customers/archive-customer";
import { deleteCustomerAction } from "@/lib/actions/customers/delete-customer";
import { restoreCustomerAction } from "@/lib/actions/customers/restore-customer";
import type { CustomerJson } from "@/lib/validations/customer";

export function CustomerActions({
  customer,
  layout = "menu",
  afterDelete,
}: {
  customer: CustomerJson;
  layout?: "menu" | "buttons";
  /** Where to go once the customer is deleted (the detail page leaves for the list). */
  afterDelete?: string;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggleArchived = async () => {
    setBusy(true);
    const result = customer.archived
      ? await restoreCustomerAction(customer.id, customer.version)
      : await archiveCustomerAction(customer.id, customer.version);
    setBusy(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success(customer.archived ? `Restored ${customer.name}.` : `Archived ${customer.name}.`);
    router.refresh();
  };

  const remove = async (): Promise<ConfirmOutcome> => {
    const result = await deleteCustomerAction(customer.id, customer.version);
    if (!result.ok) return { ok: false, error: result.error };
    if (result.data.outcome === "archived") {
      const n = result.data.transactions;
      toast.success(
        `${customer.name} has ${n} transaction${n === 1 ? "" : "s"}, so it was archived instead of deleted.`,
      );
      router.refresh();
    } else {
      toast.success(`Deleted ${customer.name}.`);
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    }
    return { ok: true };
  };

  const dialogs = (
    <>
      <CustomerFormDialog open={editing} onOpenChange={setEditing} customer={customer} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${customer.name}?`}
        description="This cannot be undone. A customer with transactions is archived instead, so its sales keep their customer."
        confirmLabel="Delete customer"
        variant="danger"
        onConfirm={remove}
      />
    </>
  );

  if (layout === "buttons") {
    return (
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          <Pencil className="size-4" aria-hidden="true" />
          Edit
        </Button>
        <Button variant="secondary" onClick={toggleArchived} loading={busy}>
          {customer.archived ? (
            <ArchiveRestore className="size-4" aria-hidden="true" />
          ) : (
            <Archive className="size-4" aria-hidden="true" />
          )}
          {customer.archived ? "Restore" : "Archive"}
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          <Trash2 className="size-4" aria-hidden="true" />
          Delete
        </Button>
        {dialogs}
      </div>
    );
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            className="px-2"
            aria-label={`Actions for ${customer.name}`}
            disabled={busy}
          >
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden="true" />
            Edit
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void toggleArchived()}>
            {customer.archived ? (
              <ArchiveRestore className="size-4" aria-hidden="true" />
            ) : (
              <Archive className="size-4" aria-hidden="true" />
            )}
            {customer.archived ? "Restore" : "Archive"}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem tone="danger" onSelect={() => setDeleting(true)}>
            <Trash2 className="size-4" aria-hidden="true" />
            Delete…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {dialogs}
    </>
  );
}
