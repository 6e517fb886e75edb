// Counts one invitation mail against the inviter's and the address's limits before any work.
import "server-only";
import { RateLimitedError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export async function countInvitationMail(inviterId: string, email: string): Promise<void> {
  const inviter = await hit(LIMITS.invitationInviter, inviterId);
  if (!inviter.allowed) {
    throw new RateLimitedError(
      inviter.retryAfterSeconds,
      "You have sent many invitations in a short time. Try again later.",
    );
  }
  const address = await hit(LIMITS.invitationAddress, email);
  if (!address.allowed) {
    throw new RateLimitedError(
      address.retryAfterSeconds,
      "This address was sent several invitations just now. Try again later.",
    );
  }
}
