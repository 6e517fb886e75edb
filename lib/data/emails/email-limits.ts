// Rate limits of the email API (POST /api/v1/emails and the customer "Send email" dialog), per
// sender (the person, or the owner of the API key): generous for people writing to customers,
// tight enough that a leaked key cannot turn the platform into a spam relay. One recipient gets at
// most a few API messages an hour whoever sends them.
import type { LimitSpec } from "@/lib/rate-limit/limiter";

export const EMAIL_LIMITS = {
  perSender: { name: "email-api-sender", points: 60, duration: 60 * 60 },
  perRecipient: { name: "email-api-recipient", points: 10, duration: 60 * 60 },
} as const satisfies Record<string, LimitSpec>;
