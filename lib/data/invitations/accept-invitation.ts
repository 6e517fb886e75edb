// Accepts an invitation: creates the account with the invitation's address (marked verified: the
// link was mailed there) and role, with the username, name, date of birth and password the invitee
// chose, and spends the link, all in one transaction. A used, revoked, expired or replaced link,
// or an address that has an account by now, creates nothing. The invitee then signs in as anyone
// does (so a role that requires 2FA sends them to enrolment there).
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { sha256 } from "@/lib/auth/crypto";
import { hashPassword } from "@/lib/auth/password";
import { AppError, ConflictError, RateLimitedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { tokenSchema } from "@/lib/validations/auth";
import { acceptInvitationSchema, invitationStatus, type InvitationStatus } from "@/lib/validations/invitation";
import { parseOrThrow } from "@/lib/validations/parse";
import { passwordPolicyError } from "@/lib/validations/password-strength";

const UNUSABLE: Record<Exclude<InvitationStatus, "pending"> | "invalid", string> = {
  invalid: "This invitation link is not valid. It may have been replaced by a newer one: use the latest email.",
  expired: "This invitation has expired. Ask whoever invited you to send it again.",
  revoked: "This invitation was revoked, so it can no longer be used.",
  accepted: "This invitation was used already. Sign in with the account it created.",
};

/** 410 Gone: the link existed (or might have) but cannot make an account any more. */
export class InvitationUnusableError extends AppError {
  constructor(readonly reason: keyof typeof UNUSABLE) {
    super("invitation_unusable", 410, UNUSABLE[reason]);
  }
}

const usernameTaken = () =>
  new ConflictError("This username is taken.", { username: ["This username is taken. Choose another."] });
const accountExists = () =>
  new ConflictError("An account with this email address already exists. Sign in instead, or reset its password.");

export async function acceptInvitation(
  rawToken: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ username: string; email: string }> {
  const limit = await hit(LIMITS.signUpIp, ctx.ip ?? "unknown");
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  const token = tokenSchema.safeParse(rawToken);
  if (!token.success) throw new InvitationUnusableError("invalid");
  const tokenHash = sha256(token.data);
  const data = parseOrThrow(acceptInvitationSchema, input);

  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      email: true,
      roleId: true,
      invitedById: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      role: { select: { key: true } },
    },
  });
  if (!invitation) throw new InvitationUnusableError("invalid");
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new InvitationUnusableError(status);
  const problem = passwordPolicyError(data.password, [data.username, invitation.email, data.firstName, data.lastName]);
  if (problem) throw new ValidationError({ password: [problem] });
  if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw accountExists();
  if (await db.user.findUnique({ where: { username: data.username }, select: { id: true } })) throw usernameTaken();

  const passwordHash = await hashPassword(data.password);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const now = new Date();
        // Spend the link first, conditionally: of two acceptances (or an acceptance and a revoke or
        // resend) exactly one gets here; the loser's transaction makes nothing.
        const { count } = await tx.invitation.updateMany({
          where: { id: invitation.id, tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { acceptedAt: now },
        });
        if (count !== 1) {
          const current = await tx.invitation.findUnique({
            where: { id: invitation.id },
            select: { tokenHash: true, acceptedAt: true, revokedAt: true, expiresAt: true },
          });
          const statusNow = current?.tokenHash === tokenHash ? invitationStatus(current, now) : "pending";
          throw new InvitationUnusableError(statusNow === "pending" ? "invalid" : statusNow);
        }
        const user = await tx.user.create({
          data: {
            username: data.username,
            email: invitation.email,
            firstName: data.firstName,
            lastName: data.lastName,
            dateOfBirth: data.dateOfBirth,
            passwordHash,
            emailVerifiedAt: now,
            status: "active",
            roles: { create: { roleId: invitation.roleId } },
          },
          select: { id: true, username: true, email: true },
        });
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
        await audit(
          {
            action: "invitation.accepted",
            actorId: user.id,
            targetType: "invitation",
            targetId: invitation.id,
            metadata: {
              email: invitation.email,
              role: invitation.role.key,
              userId: user.id,
              invitedById: invitation.invitedById,
            },
            context: ctx,
          },
          tx,
        );
        return { username: user.username, email: user.email };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The unique index decided a race with another sign-up between the checks and the insert.
      if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw accountExists();
      if (await db.user.findUnique({ where: { username: data.username }, select: { id: true } })) throw usernameTaken();
      // Neither: another unique index (the audit chain's position, raced by another process)
      // refused the write. The transaction rolled back whole, link included, so it can run again.
      if (attempt >= 5) throw error;
    }
  }
}
