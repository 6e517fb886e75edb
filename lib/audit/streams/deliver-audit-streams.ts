// The stream delivery worker. The audit log is the queue: each stream has a cursor (the seq of the
// last event delivered or skipped), and a run sends the events after it in seq order, one POST per
// event, stopping at the first failure, so an event never arrives before the previous matching one
// was accepted (2xx). A failure is recorded and retried with backoff (lib/audit/streams/backoff.ts)
// with the same event id, so a receiver that saw it already can drop the repeat.
//
// Several app instances may run this at once: a stream is delivered only under a lease (an UPDATE
// that succeeds for one process only while `leaseUntil` is past), renewed before every event. Every
// write of the run also requires the stream's `version` to be the one the run loaded, so an edit,
// pause, secret rotation or deletion made meanwhile stops the run at its next event; the next run
// uses the new settings. Delivery is therefore at least once: a POST whose answer could not be
// recorded is repeated, with the same id.
import "server-only";
import { randomUUID } from "node:crypto";
import { backoffDelayMs, statusAfterFailures } from "@/lib/audit/streams/backoff";
import { eventPayload, streamEventSelect } from "@/lib/audit/streams/event-payload";
import { matchesStreamFilter, parseStoredFilter } from "@/lib/audit/streams/match-filter";
import { postToStream, STREAM_TIMEOUT_MS, type PostResult } from "@/lib/audit/streams/post-to-stream";
import { pruneStreamDeliveries } from "@/lib/audit/streams/prune-deliveries";
import { signedHeaders } from "@/lib/audit/streams/sign-payload";
import { isSealedStreamUrl, openStreamUrl, sealStreamUrl } from "@/lib/audit/streams/stream-url";
import { decryptSecret } from "@/lib/auth/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * At least twice one attempt's worst case (STREAM_TIMEOUT_MS covers DNS resolution and the POST),
 * plus room for its bookkeeping, so a lease cannot lapse under an attempt in flight; renewed
 * before each event.
 */
export const STREAM_LEASE_MS = 2 * STREAM_TIMEOUT_MS + 10_000;
/** Wall time one stream may take in one run, so a slow endpoint cannot hold the others back. */
export const STREAM_RUN_MS = 60_000;
const PAGE = 100;

/**
 * Events a stream receives whatever its filter: every `audit.*` event (verification, pruning,
 * exports) and those about this very stream, so narrowing the filter, pausing or re-pointing a
 * stream is itself seen by the SIEM it concerns.
 */
export function isAlwaysDelivered(streamId: string, event: { action: string; targetId: string | null }): boolean {
  if (event.action.startsWith("audit.")) return true;
  return event.action.startsWith("audit_stream.") && event.targetId === streamId;
}

export type DeliveryRunOptions = {
  /** The run's clock (tests move it forward to reach a backoff's end). Defaults to the real time. */
  now?: Date;
  /** Events looked at per stream in this run (delivered, failed or skipped). */
  maxEventsPerStream?: number;
  /** Only this stream ("Deliver now"). */
  streamId?: string;
  /** Deliver even when the stream's backoff has not ended ("Deliver now"). */
  ignoreBackoff?: boolean;
  /** Per-request timeout (tests shorten it); STREAM_TIMEOUT_MS otherwise. */
  timeoutMs?: number;
  /** Wall time per stream in this run (STREAM_RUN_MS otherwise): no new event is started after it. */
  maxRunMs?: number;
};

export type DeliveryRunSummary = {
  /** Streams this run held the lease of. */
  streams: number;
  /** Streams that were due but delivered by another process (lease held). */
  busy: number;
  delivered: number;
  failed: number;
  skipped: number;
};

type StreamRunResult = Omit<DeliveryRunSummary, "streams" | "busy">;

export async function deliverAuditStreams(options: DeliveryRunOptions = {}): Promise<DeliveryRunSummary> {
  const clock = () => options.now ?? new Date();
  const due = options.ignoreBackoff ? {} : { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: clock() } }] };
  const candidates = await db.auditStream.findMany({
    where: { enabled: true, ...(options.streamId ? { id: options.streamId } : {}), ...due },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const summary: DeliveryRunSummary = { streams: 0, busy: 0, delivered: 0, failed: 0, skipped: 0 };
  for (const { id } of candidates) {
    const lease = new Date(clock().getTime() + STREAM_LEASE_MS);
    const claimed = await db.auditStream.updateMany({
      where: { id, enabled: true, AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lt: clock() } }] }, due] },
      data: { leaseUntil: lease },
    });
    if (claimed.count === 0) {
      summary.busy++;
      continue;
    }
    summary.streams++;
    try {
      const result = await deliverStream(id, lease, clock, {
        maxEvents: options.maxEventsPerStream ?? 1000,
        timeoutMs: options.timeoutMs,
        maxRunMs: options.maxRunMs ?? STREAM_RUN_MS,
      });
      summary.delivered += result.delivered;
      summary.failed += result.failed;
      summary.skipped += result.skipped;
    } catch (err) {
      log.error({ err, streamId: id }, "audit stream delivery run failed");
      await db.auditStream.updateMany({ where: { id, leaseUntil: { gte: lease } }, data: { leaseUntil: null } });
    }
  }
  return summary;
}

async function deliverStream(
  id: string,
  firstLease: Date,
  clock: () => Date,
  limits: { maxEvents: number; timeoutMs: number | undefined; maxRunMs: number },
): Promise<StreamRunResult> {
  const { maxEvents, timeoutMs } = limits;
  // Real time, not the run's (test) clock: this bounds how long the run actually takes.
  const runEnds = performance.now() + limits.maxRunMs;
  const result: StreamRunResult = { delivered: 0, failed: 0, skipped: 0 };
  const stream = await db.auditStream.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      url: true,
      secretCipher: true,
      filter: true,
      cursorSeq: true,
      failureCount: true,
      version: true,
    },
  });
  let lease = firstLease;
  let cursor = stream.cursorSeq;
  let failures = stream.failureCount;
  let wroteDeliveries = false;
  const owned = () => ({ id, leaseUntil: lease, version: stream.version });

  /** Extends the lease and saves the cursor; false when the lease or the stream's settings changed. */
  const renew = async () => {
    const next = new Date(clock().getTime() + STREAM_LEASE_MS);
    const { count } = await db.auditStream.updateMany({
      where: { ...owned(), enabled: true },
      data: { leaseUntil: next, cursorSeq: cursor },
    });
    if (count > 0) lease = next;
    return count > 0;
  };

  /** Records one attempt's outcome with the stream's new state; false when the run no longer owns it. */
  const record = (seq: number, eventId: string, outcome: PostResult) => {
    const now = clock();
    const attempt = failures + 1;
    const state = outcome.ok
      ? { cursorSeq: seq, failureCount: 0, status: "healthy", lastSuccessAt: now, lastError: null, nextAttemptAt: null }
      : {
          cursorSeq: cursor,
          failureCount: attempt,
          status: statusAfterFailures(attempt),
          lastError: outcome.error,
          nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempt)),
        };
    return db.$transaction(async (tx) => {
      const { count } = await tx.auditStream.updateMany({ where: owned(), data: { ...state, lastAttemptAt: now } });
      if (count === 0) return false;
      await tx.auditStreamDelivery.create({
        data: {
          streamId: id,
          eventSeq: seq,
          eventId,
          attempt,
          result: outcome.ok ? "delivered" : "failed",
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: outcome.durationMs,
          createdAt: now,
        },
      });
      wroteDeliveries = true;
      return true;
    });
  };

  try {
    let secret: string;
    let url: string;
    try {
      secret = decryptSecret(stream.secretCipher);
    } catch {
      // The server key changed since the secret was stored: nothing can be signed until it is rotated.
      await record(cursor, `unsigned_${randomUUID()}`, {
        ok: false,
        statusCode: null,
        error: "The signing secret cannot be read with the server's key; rotate the secret.",
        durationMs: 0,
      });
      result.failed++;
      return result;
    }
    try {
      url = openStreamUrl(stream.url);
      // Written before URLs were encrypted: sealed now (only if nobody changed it meanwhile).
      if (!isSealedStreamUrl(stream.url))
        await db.auditStream.updateMany({ where: { id, url: stream.url }, data: { url: sealStreamUrl(url) } });
    } catch (error) {
      await record(cursor, `unreadable_${randomUUID()}`, {
        ok: false,
        statusCode: null,
        error: (error as Error).message,
        durationMs: 0,
      });
      result.failed++;
      return result;
    }
    const filter = parseStoredFilter(stream.filter);
    let examined = 0;
    let stopped = false;
    while (!stopped && examined < maxEvents) {
      const events = await db.auditEvent.findMany({
        where: { seq: { gt: cursor } },
        orderBy: { seq: "asc" },
        take: Math.min(PAGE, maxEvents - examined),
        select: streamEventSelect,
      });
      if (events.length === 0) break;
      for (const event of events) {
        // The first attempt always goes out; after the run's wall time no further one is started.
        if (result.delivered + result.failed > 0 && performance.now() >= runEnds) {
          stopped = true;
          break;
        }
        examined++;
        if (!matchesStreamFilter(filter, event) && !isAlwaysDelivered(id, event)) {
          cursor = event.seq;
          result.skipped++;
          continue;
        }
        if (!(await renew())) {
          stopped = true;
          break;
        }
        const body = JSON.stringify(eventPayload(event));
        const timestamp = Math.floor(clock().getTime() / 1000);
        const outcome = await postToStream({
          url,
          body,
          headers: signedHeaders(secret, event.id, timestamp, body),
          allowInsecure: env.AUDIT_STREAM_ALLOW_INSECURE,
          timeoutMs,
        });
        if (!(await record(event.seq, event.id, outcome))) {
          stopped = true;
          break;
        }
        if (!outcome.ok) {
          result.failed++;
          stopped = true;
          break;
        }
        cursor = event.seq;
        failures = 0;
        result.delivered++;
      }
    }
    return result;
  } finally {
    // Skipped events at the end of the run move the cursor too; then the lease is given back.
    const saved = await db.auditStream.updateMany({ where: owned(), data: { cursorSeq: cursor, leaseUntil: null } });
    if (saved.count === 0)
      await db.auditStream.updateMany({ where: { id, leaseUntil: lease }, data: { leaseUntil: null } });
    if (wroteDeliveries) await pruneStreamDeliveries(db, id);
  }
}
