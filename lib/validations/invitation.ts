// Schemas of invitations: an admin invites an address with a role; the invitee accepts by choosing
// a username, their name, date of birth and a password (the sign-up form's pieces; the email comes
// from the invitation). The password's guessability policy is applied on the server only
// (lib/data/invitations/accept-invitation.ts), as for sign-up.
import { z } from "zod";
import {
  checkNewPasswordPair,
  dateOfBirthSchema,
  emailSchema,
  nameSchema,
  newPasswordSchema,
  usernameSchema,
} from "@/lib/validations/auth";

/** How long an invitation link works, from when it was (re)sent. */
export const INVITATION_TTL_DAYS = 7;
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 3_600_000;

export const createInvitationSchema = z.object({
  email: emailSchema,
  roleId: z.string({ error: "Choose a role." }).trim().min(1, "Choose a role.").max(64, "Choose a role."),
});

export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const acceptInvitationSchema = z
  .object({
    username: usernameSchema,
    firstName: nameSchema("first name"),
    lastName: nameSchema("last name"),
    dateOfBirth: dateOfBirthSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the password." }),
  })
  .superRefine(checkNewPasswordPair);

export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
export type AcceptInvitationData = z.output<typeof acceptInvitationSchema>;

/** Where an invitation stands, as the list and the link page show it. */
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export function invitationStatus(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}
