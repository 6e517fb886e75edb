// "Send test" and "Deliver now" make the server call out to an endpoint of the caller's choosing:
// both count against one per-user limit, checked before any work.
import "server-only";
import { RateLimitedError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export async function countStreamProbe(userId: string): Promise<void> {
  const result = await hit(LIMITS.auditStreamProbe, userId);
  if (!result.allowed)
    throw new RateLimitedError(
      result.retryAfterSeconds,
      "You have tested or delivered streams many times in a short time. Try again later.",
    );
}
