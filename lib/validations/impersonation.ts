// What an admin gives to start impersonating someone. The reason is required: it is kept with the
// session, in the audit trail, and mailed to the person afterwards. Shared by the DAL and the dialog.
import { z } from "zod";

export const IMPERSONATION_REASON_MIN = 5;
export const IMPERSONATION_REASON_MAX = 500;
/** How long an impersonation session lives, at most. */
export const IMPERSONATION_MINUTES = 30;

export const startImpersonationSchema = z.object({
  userId: z.string({ error: "Missing user." }).trim().min(1, "Missing user.").max(64, "Unknown user."),
  reason: z
    .string({ error: "Give a reason." })
    .trim()
    .min(IMPERSONATION_REASON_MIN, `Give a reason of at least ${IMPERSONATION_REASON_MIN} characters.`)
    .max(IMPERSONATION_REASON_MAX, `Keep the reason under ${IMPERSONATION_REASON_MAX} characters.`)
    .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), "Use printable characters only."),
});

export type StartImpersonationInput = z.input<typeof startImpersonationSchema>;
