// The Test button (audit.manage): one signed `audit.stream_test` request to the stream's endpoint,
// through the same safety checks and signing as real deliveries. It does not move the cursor or
// change the stream's status; the attempt is kept with the deliveries (result "test") and audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import { countStreamProbe } from "@/lib/audit/streams/count-stream-probe";
import { testPayload } from "@/lib/audit/streams/event-payload";
import { openStreamUrl } from "@/lib/audit/streams/stream-url";
import { postToStream } from "@/lib/audit/streams/post-to-stream";
import { pruneStreamDeliveries } from "@/lib/audit/streams/prune-deliveries";
import { signedHeaders } from "@/lib/audit/streams/sign-payload";
import type { Actor } from "@/lib/auth/actor";
import { decryptSecret } from "@/lib/auth/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { AUDIT_STREAM_NOT_FOUND } from "@/lib/data/audit-streams/audit-stream-record";
import { parseStreamId } from "@/lib/data/audit-streams/write-audit-stream";

export type StreamTestResult = {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  eventId: string;
};

export async function sendAuditStreamTest(
  actor: Actor | null,
  id: unknown,
  ctx: RequestContext,
): Promise<StreamTestResult> {
  requirePermission(actor, "audit.manage");
  const streamId = parseStreamId(id);
  await countStreamProbe(actor.userId);
  const stream = await db.auditStream.findUnique({
    where: { id: streamId },
    select: { id: true, name: true, url: true, secretCipher: true },
  });
  if (!stream) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  let secret: string;
  try {
    secret = decryptSecret(stream.secretCipher);
  } catch {
    throw new ConflictError("The signing secret cannot be read with the server's key; rotate the secret first.");
  }
  let url: string;
  try {
    url = openStreamUrl(stream.url);
  } catch (error) {
    throw new ConflictError((error as Error).message);
  }
  const now = new Date();
  const eventId = `test_${randomUUID()}`;
  const body = JSON.stringify(testPayload(eventId, stream, now));
  const outcome = await postToStream({
    url,
    body,
    headers: signedHeaders(secret, eventId, Math.floor(now.getTime() / 1000), body),
    allowInsecure: env.AUDIT_STREAM_ALLOW_INSECURE,
  });
  await db.$transaction(async (tx) => {
    // Deleted while the request was out: nothing to attach the attempt to.
    if ((await tx.auditStream.count({ where: { id: stream.id } })) === 0)
      throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
    await tx.auditStreamDelivery.create({
      data: {
        streamId: stream.id,
        eventSeq: 0,
        eventId,
        attempt: 1,
        result: "test",
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs: outcome.durationMs,
      },
    });
    await audit(
      {
        action: "audit_stream.tested",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: stream.id,
        targetName: stream.name,
        outcome: outcome.ok ? "success" : "failure",
        reason: outcome.ok ? null : "delivery_failed",
        metadata: {
          name: stream.name,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: outcome.durationMs,
        },
        context: ctx,
      },
      tx,
    );
    await pruneStreamDeliveries(tx, stream.id);
  });
  return { ...outcome, eventId };
}
