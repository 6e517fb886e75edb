// Edit a staff member's record (staff.write): employee number, phone, hire date. The record is
// made on the first edit (upsert). PATCH semantics: fields left out stay as they are; null or a
// blank clears one. A version named by the caller (If-Match over the API, the form's loaded
// version in the UI: the record's and the account's together, staff-member.ts) must still be
// current, else 412, so an edit made against a stale name or status is refused too; a taken employee
// number is 409 naming the field. The change and its audit row (before/after of each changed
// field) commit together; an edit that changes nothing writes nothing.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { findStaffMember, STAFF_NOT_FOUND } from "@/lib/data/staff-records/get-staff-member";
import {
  staffMemberSelect,
  staffMemberWhere,
  staffVersionsOf,
  toStaffMember,
  type StaffMember,
} from "@/lib/data/staff-records/staff-member";
import { assertWritten } from "@/lib/data/versioned-write";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";
import { formatCalendarDate, staffRecordUpdateSchema } from "@/lib/validations/staff-record";

const FIELDS = ["employeeNumber", "phone", "hiredOn"] as const;
type Field = (typeof FIELDS)[number];

function takenError(employeeNumber: string): ConflictError {
  return new ConflictError("Another staff member has this employee number.", {
    employeeNumber: [`${employeeNumber} is already another staff member's employee number.`],
  });
}

export async function updateStaffRecord(
  actor: Actor | null,
  id: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<StaffMember> {
  requirePermission(actor, "staff.write");
  const parsedId = entityIdSchema.safeParse(id);
  if (!parsedId.success) throw new NotFoundError(STAFF_NOT_FOUND);
  const userId = parsedId.data;
  const values = parseOrThrow(staffRecordUpdateSchema, input);
  const next: Partial<Record<Field, string | null>> = {
    ...(values.employeeNumber !== undefined ? { employeeNumber: values.employeeNumber } : {}),
    ...(values.phone !== undefined ? { phone: values.phone } : {}),
    ...(values.hiredOn !== undefined ? { hiredOn: values.hiredOn && formatCalendarDate(values.hiredOn) } : {}),
  };

  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.user.findFirst({ where: { id: userId, ...staffMemberWhere }, select: staffMemberSelect });
      if (!row) throw new NotFoundError(STAFF_NOT_FOUND);
      const current = toStaffMember(row);
      const versions = staffVersionsOf(row);
      if (expectedVersion !== undefined) {
        if (expectedVersion !== current.version) throw new PreconditionFailedError();
        // The account must still be as read until this commits: a conditional write that changes
        // nothing (the version trigger leaves it alone) but holds the row, so a rename or a ban
        // racing this edit either lands first (412 here) or waits for it.
        const { count } = await tx.user.updateMany({
          where: { id: userId, version: versions.user },
          data: { version: versions.user },
        });
        if (!count) throw new PreconditionFailedError();
      }
      if (next.employeeNumber) {
        const taken = await tx.staffProfile.findFirst({
          where: { employeeNumber: next.employeeNumber, userId: { not: userId } },
          select: { userId: true },
        });
        if (taken) throw takenError(next.employeeNumber);
      }
      const changed = FIELDS.filter((f) => f in next && next[f] !== current[f]);
      if (!changed.length) return current;

      const data = {
        ...(values.employeeNumber !== undefined ? { employeeNumber: values.employeeNumber } : {}),
        ...(values.phone !== undefined ? { phone: values.phone } : {}),
        ...(values.hiredOn !== undefined ? { hiredOn: values.hiredOn } : {}),
        updatedById: actor.userId,
      };
      if (versions.record === 0) {
        await tx.staffProfile.create({ data: { userId, ...data } });
      } else {
        // Conditional on the version read above, so a change committed in between is not overwritten.
        const { count } = await tx.staffProfile.updateMany({
          where: { userId, version: versions.record },
          data: { ...data, version: { increment: 1 } },
        });
        await assertWritten(count, async () => true, STAFF_NOT_FOUND);
      }
      const show = (f: Field, v: string | null) => `${f}: ${v ?? "—"}`;
      await audit(
        {
          action: "staff.record_updated",
          actorId: actor.userId,
          targetType: "user",
          targetId: userId,
          metadata: {
            changed,
            before: changed.map((f) => show(f, current[f])),
            after: changed.map((f) => show(f, next[f] ?? null)),
          },
          context: ctx,
        },
        tx,
      );
      return (await findStaffMember(tx, userId))!;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two writers raced: on the employee number (409), or both making the first record (412).
    if (next.employeeNumber) {
      const taken = await db.staffProfile.findFirst({
        where: { employeeNumber: next.employeeNumber, userId: { not: userId } },
        select: { userId: true },
      });
      if (taken) throw takenError(next.employeeNumber);
    }
    throw new PreconditionFailedError();
  }
}
