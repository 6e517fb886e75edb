// How fast invitations may be sent (created or resent). They mail an address chosen by the
// inviter, so both the inviter and the address are bounded.
// TODO(lib/rate-limit/limits.ts): these belong in the one table of limits; kept here until that
// file's owner moves them.
import type { LimitSpec } from "@/lib/rate-limit/limiter";

export const INVITATION_LIMITS = {
  /** Invitations one person sends per hour. */
  perInviter: { name: "invitation-inviter", points: 30, duration: 3600 },
  /** Invitation mails to one address per hour (creating and resending together). */
  perAddress: { name: "invitation-address", points: 5, duration: 3600 },
} as const satisfies Record<string, LimitSpec>;
