// Begins enrolment: a new secret, encrypted at rest, pending until a valid code confirms it.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { encryptSecret } from "@/lib/auth/crypto";
import { requireViewer } from "@/lib/auth/require-viewer";
import { generateTotpSecret } from "@/lib/auth/totp";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";

export async function startTotpEnrolment(viewer: Viewer | null, ctx: RequestContext): Promise<void> {
  requireViewer(viewer, ["active", "pending_enrolment"]);
  const { count } = await db.user.updateMany({
    where: { id: viewer.userId, totpEnabledAt: null },
    data: { totpSecretEnc: encryptSecret(generateTotpSecret()), totpLastStep: null },
  });
  if (count !== 1) throw new ConflictError("Two-factor authentication is already on.");
  await audit({ action: "auth.two_factor_enrolment_started", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx });
}
