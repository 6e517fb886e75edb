// The admin security card's words for a user's second factors: TOTP and passkeys both count (a
// passkey-only account reads on), and a reset says what it takes away.
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

type Summarised = Pick<UserDetail, "twoFactorEnabledAt" | "passkeyCount">;

const passkeysText = (n: number) => (n === 1 ? "1 passkey" : `${n} passkeys`);

/** TOTP and passkeys are both second factors: a passkey-only account reads on, with its count. */
export function twoFactorState(user: Summarised): string {
  const passkeys = user.passkeyCount > 0 ? `passkeys: ${user.passkeyCount}` : null;
  if (user.twoFactorEnabledAt)
    return `On since ${formatDateTime(user.twoFactorEnabledAt)} (authenticator app${passkeys ? `; ${passkeys}` : ""})`;
  return passkeys ? `On (${passkeys})` : "Off";
}

/** What a reset takes away (the DAL clears the TOTP key and its recovery codes and deletes every passkey). */
export function resetRemoves(user: Summarised): string {
  const parts = [
    ...(user.twoFactorEnabledAt ? ["authenticator app and recovery codes stop working"] : []),
    ...(user.passkeyCount > 0
      ? [`${passkeysText(user.passkeyCount)} ${user.passkeyCount === 1 ? "is" : "are"} removed`]
      : []),
  ];
  return parts.length ? parts.join(", their ") : "second factors stop working";
}
