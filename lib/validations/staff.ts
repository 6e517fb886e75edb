// Schemas of staff-application decisions. The reason for a rejection is required: the applicant
// is emailed it, and it is kept on the account and in the audit trail.
import { z } from "zod";

export const STAFF_REJECTION_REASON_MAX = 500;

export const staffRejectionSchema = z.object({
  reason: z
    .string({ error: "Give a reason for the rejection." })
    .trim()
    .min(3, "Give a reason for the rejection (at least 3 characters).")
    .max(STAFF_REJECTION_REASON_MAX, `Use at most ${STAFF_REJECTION_REASON_MAX} characters.`)
    .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), "Use printable characters only."),
});

export type StaffRejectionInput = z.input<typeof staffRejectionSchema>;
