"use client";
// Edit one staff record in a dialog: react-hook-form with the same zod schema the server uses,
// inline field errors (a taken employee number comes back from the server on its field), and the
// version the record was loaded at, so a change made meanwhile by someone else is reported
// instead of overwritten.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { staffName } from "@/components/staff-records/staff-columns";
import { updateStaffRecordAction } from "@/lib/actions/staff-records/update-staff-record";
import type { StaffMember } from "@/lib/data/staff-records/staff-member";
import { staffRecordFormSchema, type StaffRecordFormValues } from "@/lib/validations/staff-record";

export function EditStaffRecordDialog({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  return (
    <Dialog open={member !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {member ? (
        <DialogContent
          title={`Edit ${staffName(member)}`}
          description="The staff record: employee number, phone and hire date. Blank fields are cleared."
        >
          <StaffRecordForm key={`${member.id}:${member.version}`} member={member} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function StaffRecordForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm<
    StaffRecordFormValues,
    z.output<typeof staffRecordFormSchema>,
    StaffMember
  >({
    resolver: zodResolver(staffRecordFormSchema),
    mode: "onTouched",
    defaultValues: {
      employeeNumber: member.employeeNumber ?? "",
      phone: member.phone ?? "",
      hiredOn: member.hiredOn ?? "",
    },
    action: (values) => updateStaffRecordAction(member.id, values, member.version),
    onSuccess: (saved) => {
      toast.success(`Saved ${staffName(saved)}'s staff record.`);
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <TextField
        id="employeeNumber"
        label="Employee number"
        hint="Unique across staff, e.g. E-0042."
        error={errors.employeeNumber?.message}
        autoComplete="off"
        {...form.register("employeeNumber")}
      />
      <TextField
        id="phone"
        label="Phone"
        type="tel"
        autoComplete="off"
        error={errors.phone?.message}
        {...form.register("phone")}
      />
      <TextField id="hiredOn" label="Hire date" type="date" error={errors.hiredOn?.message} {...form.register("hiredOn")} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
