// What the security page shows about 2FA. An active secret is never returned: only a pending
// (not yet confirmed) one, so the person can finish scanning it.
import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { decryptSecret } from "@/lib/auth/crypto";
import { requireViewer } from "@/lib/auth/require-viewer";
import { totpUri } from "@/lib/auth/totp";
import type { Viewer } from "@/lib/auth/viewer";

export type TwoFactorStatus = (
  | { status: "off" }
  | { status: "pending"; secret: string; qrDataUrl: string }
  | { status: "on"; enabledAt: Date; recoveryCodesLeft: number }
) & { /** Name of a role of the viewer that requires 2FA, if any. */ requiredByRole: string | null };

export async function getTwoFactorStatus(viewer: Viewer | null): Promise<TwoFactorStatus> {
  requireViewer(viewer, ["active", "pending_enrolment", "enrolment_confirmed"]);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { email: true, totpSecretEnc: true, totpEnabledAt: true, roles: { where: { role: { requiresTwoFactor: true } }, select: { role: { select: { name: true } } }, take: 1 } },
  });
  const requiredByRole = user.roles[0]?.role.name ?? null;
  if (user.totpEnabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: viewer.userId, usedAt: null } });
    return { status: "on", enabledAt: user.totpEnabledAt, recoveryCodesLeft, requiredByRole };
  }
  if (!user.totpSecretEnc) return { status: "off", requiredByRole };
  const secret = decryptSecret(user.totpSecretEnc);
  const qrDataUrl = await QRCode.toDataURL(totpUri(user.email, config.productName, secret), { margin: 1, width: 220, errorCorrectionLevel: "M" });
  return { status: "pending", secret, qrDataUrl, requiredByRole };
}
