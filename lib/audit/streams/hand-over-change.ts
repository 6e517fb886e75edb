// Pausing a stream, re-pointing it or deleting it would otherwise keep the SIEM from ever hearing of
// it: the change's own event is delivered with the *new* settings (nowhere, another collector, never).
// So right after such a change commits, its event is posted once, synchronously and within the usual
// timeout, to the stream's *old* destination with the old secret (a "handover"). The attempt is kept
// with the stream's deliveries (result "handover") when the stream still exists, and logged when it was
// deleted. It is out of the stream's order (the cursor may be behind) and may arrive again later with
// the same id, so receivers de-duplicating on the id see it once. It never fails the change itself.
import "server-only";
import { eventPayload, streamEventSelect, type StreamEventRow } from "@/lib/audit/streams/event-payload";
import { postToStream, type PostResult } from "@/lib/audit/streams/post-to-stream";
import { pruneStreamDeliveries } from "@/lib/audit/streams/prune-deliveries";
import { signedHeaders } from "@/lib/audit/streams/sign-payload";
import { openStreamUrl } from "@/lib/audit/streams/stream-url";
import { decryptSecret } from "@/lib/auth/crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** The old settings, read inside the change's transaction, before it writes. */
export type HandoverFrom = { streamId: string; storedUrl: string; secretCipher: string };

export async function handoverSource(tx: Tx, streamId: string): Promise<HandoverFrom | null> {
  const row = await tx.auditStream.findUnique({
    where: { id: streamId },
    select: { id: true, url: true, secretCipher: true, enabled: true },
  });
  // A paused stream sends nothing, so it has no destination to hand over to.
  return row?.enabled ? { streamId: row.id, storedUrl: row.url, secretCipher: row.secretCipher } : null;
}

/** The change's event, just written in the same transaction. */
export function changeEvent(tx: Tx, streamId: string, action: string): Promise<StreamEventRow | null> {
  return tx.auditEvent.findFirst({
    where: { action, targetType: "audit_stream", targetId: streamId },
    orderBy: { seq: "desc" },
    select: streamEventSelect,
  });
}

export async function handOverChange(
  from: HandoverFrom,
  event: StreamEventRow,
  options: { timeoutMs?: number } = {},
): Promise<PostResult> {
  let result: PostResult;
  try {
    const secret = decryptSecret(from.secretCipher);
    const url = openStreamUrl(from.storedUrl);
    const body = JSON.stringify(eventPayload(event));
    result = await postToStream({
      url,
      body,
      headers: signedHeaders(secret, event.id, Math.floor(Date.now() / 1000), body),
      allowInsecure: env.AUDIT_STREAM_ALLOW_INSECURE,
      timeoutMs: options.timeoutMs,
    });
  } catch {
    result = { ok: false, statusCode: null, error: "The old settings could not be read (server key).", durationMs: 0 };
  }
  try {
    await db.$transaction(async (tx) => {
      if ((await tx.auditStream.count({ where: { id: from.streamId } })) === 0) {
        log.info({ streamId: from.streamId, eventId: event.id, ...result }, "audit stream handover (stream deleted)");
        return;
      }
      await tx.auditStreamDelivery.create({
        data: {
          streamId: from.streamId,
          eventSeq: event.seq,
          eventId: event.id,
          attempt: 1,
          result: "handover",
          statusCode: result.statusCode,
          error: result.error,
          durationMs: result.durationMs,
        },
      });
      await pruneStreamDeliveries(tx, from.streamId);
    });
  } catch (err) {
    log.warn({ err, streamId: from.streamId }, "audit stream handover could not be recorded");
  }
  return result;
}
