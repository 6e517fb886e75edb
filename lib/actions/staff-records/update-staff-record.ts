"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateStaffRecord } from "@/lib/data/staff-records/update-staff-record";
import type { StaffMember } from "@/lib/data/staff-records/staff-member";
import { requestContext } from "@/lib/http/request-context";
import type { StaffRecordFormValues } from "@/lib/validations/staff-record";

/** The edit dialog's save: every field of the form, checked against the version it was loaded at. */
export async function updateStaffRecordAction(
  userId: string,
  values: StaffRecordFormValues,
  version: number,
): Promise<ActionResult<StaffMember>> {
  return runAction("update-staff-record", async () => {
    const expected = Number.isInteger(version) && version >= 0 ? version : undefined;
    const member = await updateStaffRecord(await getViewer(), userId, values, await requestContext(), expected);
    revalidatePath("/records/staff");
    return member;
  });
}
