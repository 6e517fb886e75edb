import "server-only";
import { RateLimitedError } from "@/lib/errors";

/** Too many mails to one address this hour (sign-ups and email changes naming it, LIMITS.mailToAddress). */
export const tooMuchMail = (retryAfterSeconds: number) =>
  new RateLimitedError(
    retryAfterSeconds,
    `Too many emails were sent to this address in the last hour. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
  );
