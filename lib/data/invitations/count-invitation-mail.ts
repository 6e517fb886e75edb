// Counts one invitation mail against the inviter's and the address's limits before any work.
import "server-only";
import { RateLimitedError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit/limiter";
import { INVITATION_LIMITS } from "@/lib/data/invitations/invitation-limits";

export async function countInvitationMail(inviterId: string, email: string): Promise<void> {
  const inviter = await hit(INVITATION_LIMITS.perInviter, inviterId);
  if (!inviter.allowed) {
    throw new RateLimitedError(
      inviter.retryAfterSeconds,
      "You have sent many invitations in a short time. Try again later.",
    );
  }
  const address = await hit(INVITATION_LIMITS.perAddress, email);
  if (!address.allowed) {
    throw new RateLimitedError(
      address.retryAfterSeconds,
      "This address was sent several invitations just now. Try again later.",
    );
  }
}
