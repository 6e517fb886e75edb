// The staff record: what a staff member's profile adds to their account (employee number, phone,
// hire date). One schema for the edit dialog (client), the server action, PATCH /api/v1/staff/{id}
// and the OpenAPI document. Every field is optional on the wire (PATCH changes what it names); a
// blank string or null clears a field. Unknown fields are refused, so a typo is not silently lost.
import { z } from "zod";

export const EMPLOYEE_NUMBER_MAX = 32;
export const STAFF_PHONE_MAX = 32;

/** "  " and null both mean "no value"; anything else is trimmed. */
const blankToNull = (value: string | null) => {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

const printable = (v: string | null) => v === null || !/[\u0000-\u001f\u007f]/.test(v);

export const employeeNumberSchema = z
  .string({ error: "The employee number is text, for example “E-0042”." })
  .nullable()
  .transform(blankToNull)
  .refine((v) => v === null || v.length <= EMPLOYEE_NUMBER_MAX, `Use at most ${EMPLOYEE_NUMBER_MAX} characters.`)
  .refine(
    (v) => v === null || /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v),
    "Use letters, digits and - . _ / (starting with a letter or digit).",
  )
  .meta({ description: "Unique across staff; null clears it.", example: "E-0042" });

export const staffPhoneSchema = z
  .string({ error: "The phone number is text." })
  .nullable()
  .transform(blankToNull)
  .refine((v) => v === null || v.length <= STAFF_PHONE_MAX, `Use at most ${STAFF_PHONE_MAX} characters.`)
  .refine(printable, "Use printable characters only.")
  .refine(
    (v) => v === null || (/^\+?[0-9 ()./-]+$/.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 5),
    "Enter a phone number: digits, spaces and + ( ) - . / (at least 5 digits).",
  )
  .meta({ description: "null clears it.", example: "+44 20 7946 0958" });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-01" → that day at UTC midnight, or null when it is not a real calendar date. */
export function parseCalendarDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A UTC-midnight date as "YYYY-MM-DD". */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const hiredOnSchema = z
  .string({ error: "The hire date is a date, for example “2024-03-01”." })
  .nullable()
  .transform(blankToNull)
  .transform((v, ctx) => {
    if (v === null) return null;
    const date = parseCalendarDate(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD." });
      return z.NEVER;
    }
    const year = date.getUTCFullYear();
    // A year ahead allows recording a starter before their first day.
    if (year < 1900 || date.getTime() > Date.now() + 366 * 86_400_000) {
      ctx.addIssue({ code: "custom", message: "Enter a hire date between 1900 and a year from now." });
      return z.NEVER;
    }
    return date;
  })
  .meta({ description: "A calendar date (YYYY-MM-DD); null clears it.", example: "2024-03-01" });

export const staffRecordUpdateSchema = z
  .strictObject(
    {
      employeeNumber: employeeNumberSchema.optional(),
      phone: staffPhoneSchema.optional(),
      hiredOn: hiredOnSchema.optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
  )
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one of employeeNumber, phone, hiredOn.")
  .meta({
    id: "StaffRecordUpdate",
    example: { employeeNumber: "E-0042", phone: "+44 20 7946 0958", hiredOn: "2024-03-01" },
  });

export type StaffRecordUpdateInput = z.input<typeof staffRecordUpdateSchema>;
export type StaffRecordUpdate = z.output<typeof staffRecordUpdateSchema>;

/** The edit dialog's values: every field as text (blank clears it), and the version it was loaded at. */
export const staffRecordFormSchema = z.object({
  employeeNumber: employeeNumberSchema,
  phone: staffPhoneSchema,
  hiredOn: hiredOnSchema,
});
export type StaffRecordFormValues = z.input<typeof staffRecordFormSchema>;
