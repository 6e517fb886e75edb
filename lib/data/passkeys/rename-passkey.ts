// Renames one of the viewer's own passkeys. Another person's passkey is "not found".
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { renamePasskeySchema } from "@/lib/validations/passkeys";
import { parseOrThrow } from "@/lib/validations/parse";

export async function renamePasskey(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ id: string; name: string }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { passkeyId, name } = parseOrThrow(renamePasskeySchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.passkey.findFirst({
      where: { id: passkeyId, userId: viewer.userId },
      select: { name: true },
    });
    if (!before) throw new NotFoundError("Passkey not found.");
    await tx.passkey.updateMany({ where: { id: passkeyId, userId: viewer.userId }, data: { name } });
    await audit(
      {
        action: "auth.passkey_renamed",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        metadata: { passkeyId, before: before.name, after: name },
        context: ctx,
      },
      tx,
    );
    return { id: passkeyId, name };
  });
}
