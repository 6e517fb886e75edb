// The JSON body a stream receives for one audit event (documented in docs/audit-streams.md).
// `id` is the event's id: the same on every retry, so receivers de-duplicate on it; `seq` is its
// place in the log, strictly increasing in delivery order.
export type StreamEventRow = {
  id: string;
  seq: number;
  createdAt: Date;
  actorId: string | null;
  actorType: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  outcome: string;
  reason: string | null;
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  metadata: string;
  prevHash: string;
  hash: string;
  hashVersion: number;
};

export const streamEventSelect = {
  id: true,
  seq: true,
  createdAt: true,
  actorId: true,
  actorType: true,
  actorName: true,
  action: true,
  targetType: true,
  targetId: true,
  targetName: true,
  outcome: true,
  reason: true,
  requestId: true,
  ipAddress: true,
  userAgent: true,
  metadata: true,
  prevHash: true,
  hash: true,
  hashVersion: true,
} as const;

function metadataOf(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function eventPayload(event: StreamEventRow) {
  return {
    type: "audit.event",
    id: event.id,
    seq: event.seq,
    occurredAt: event.createdAt.toISOString(),
    action: event.action,
    outcome: event.outcome,
    reason: event.reason,
    actor: { id: event.actorId, type: event.actorType, name: event.actorName },
    target: event.targetType ? { type: event.targetType, id: event.targetId, name: event.targetName } : null,
    context: { ipAddress: event.ipAddress, userAgent: event.userAgent, requestId: event.requestId },
    metadata: metadataOf(event.metadata),
    // The chain link: a receiver checks that each event's prevHash is the hash of the one before it
    // (by seq, for an unfiltered stream), which exposes a rewritten or rewound log.
    prevHash: event.prevHash,
    hash: event.hash,
    hashVersion: event.hashVersion,
  };
}

/** The body of the Test button's request: shaped like an event, marked as a test, never in the log. */
export function testPayload(id: string, stream: { id: string; name: string }, now: Date) {
  return {
    type: "audit.stream_test",
    id,
    seq: null,
    occurredAt: now.toISOString(),
    action: "audit.stream_test",
    outcome: "success",
    reason: null,
    actor: { id: null, type: "system", name: "Opsdeck" },
    target: { type: "audit_stream", id: stream.id, name: stream.name },
    context: { ipAddress: null, userAgent: null, requestId: null },
    metadata: { test: true },
    prevHash: null,
    hash: null,
    hashVersion: null,
  };
}
