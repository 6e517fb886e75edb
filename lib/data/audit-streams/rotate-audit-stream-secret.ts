// Replaces a stream's signing secret (audit.manage): the new one is returned this once, and every
// request from the next one on is signed with it (the receiver must switch at the same time; a
// delivery that fails meanwhile is simply retried with the new signature).
import "server-only";
import { audit } from "@/lib/audit/audit";
import { generateStreamSecret, secretHintOf } from "@/lib/audit/streams/sign-payload";
import type { Actor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/auth/crypto";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";
import type { CreatedAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { loadStreamForWrite, parseStreamId, writeStream } from "@/lib/data/audit-streams/write-audit-stream";

export async function rotateAuditStreamSecret(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<CreatedAuditStream> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  const secret = generateStreamSecret();
  return db.$transaction(async (tx) => {
    const current = await loadStreamForWrite(tx, streamId, expectedVersion);
    const row = await writeStream(tx, current, {
      secretCipher: encryptSecret(secret),
      secretHint: secretHintOf(secret),
    });
    await audit(
      {
        action: "audit_stream.secret_rotated",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: row.id,
        targetName: row.name,
        metadata: { name: row.name, secretHintBefore: current.secretHint, secretHintAfter: row.secretHint },
        context: ctx,
      },
      tx,
    );
    return { stream: toAuditStreamJson(row), secret };
  });
}
