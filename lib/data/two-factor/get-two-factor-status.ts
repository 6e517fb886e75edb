// What the security page shows about 2FA. An active secret is never returned. A key being set up
// is returned only to the session that began it, while it is live; another session of the same
// account learns only that a set-up is in progress elsewhere (and may start over, with the
// password).
import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { decryptSecret } from "@/lib/auth/crypto";
import { requireViewer } from "@/lib/auth/require-viewer";
import { totpUri } from "@/lib/auth/totp";
import type { Viewer } from "@/lib/auth/viewer";

export type TwoFactorStatus = (
  | { status: "off"; /** A live set-up belongs to another session of the account. */ setUpElsewhere: boolean }
  | { status: "pending"; secret: string; qrDataUrl: string; expiresAt: Date }
  | { status: "on"; enabledAt: Date; recoveryCodesLeft: number }
) & {
  /** Name of a role of the viewer that requires 2FA, if any. */
  requiredByRole: string | null;
  /** Set-up needs a verified address. */
  emailVerified: boolean;
  /** Passkeys of the account: each also serves as the second factor (Settings → Sign-in methods). */
  passkeys: number;
};

export async function getTwoFactorStatus(viewer: Viewer | null): Promise<TwoFactorStatus> {
  requireViewer(viewer, ["active", "pending_enrolment", "enrolment_confirmed"]);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      email: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      pendingTotp: { select: { sessionId: true, secretEnc: true, expiresAt: true } },
      _count: { select: { passkeys: true } },
      roles: { where: { role: { requiresTwoFactor: true } }, select: { role: { select: { name: true } } }, take: 1 },
    },
  });
  const common = {
    requiredByRole: user.roles[0]?.role.name ?? null,
    emailVerified: user.emailVerifiedAt !== null,
    passkeys: user._count.passkeys,
  };
  if (user.totpEnabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: viewer.userId, usedAt: null } });
    return { status: "on", enabledAt: user.totpEnabledAt, recoveryCodesLeft, ...common };
  }
  const pending = user.pendingTotp && user.pendingTotp.expiresAt > new Date() ? user.pendingTotp : null;
  if (!pending || pending.sessionId !== viewer.sessionId)
    return { status: "off", setUpElsewhere: pending !== null, ...common };
  const secret = decryptSecret(pending.secretEnc);
  const qrDataUrl = await QRCode.toDataURL(totpUri(user.email, config.productName, secret), {
    margin: 1,
    width: 220,
    errorCorrectionLevel: "M",
  });
  return { status: "pending", secret, qrDataUrl, expiresAt: pending.expiresAt, ...common };
}
