// The app under `npm start` runs as WEB_CONCURRENCY node:cluster workers behind one primary
// (scripts/serve.mjs). What must hold across them goes through the primary: rate-limit counters
// (rate-limiter-flexible's cluster limiter, lib/rate-limit/limiter.ts) and, on SQLite, board change
// signals (a relay: a worker's message reaches every other worker). Outside a cluster (next dev,
// tests, scripts) these are no-ops and the process is the only one.
import "server-only";
import cluster from "node:cluster";
import { env } from "@/lib/env";

/** The primary's relay messages carry this channel (scripts/serve.mjs forwards them). */
const RELAY = "opsdeck:relay";

type RelayMessage = { channel: typeof RELAY; topic: string; payload: string };

/**
 * Whether this process is one of several workers under scripts/serve.mjs's primary, which sets
 * WORKER_INDEX when it forks them (another cluster host, PM2's say, runs no limiter master or relay).
 */
export function inClusterWorker(): boolean {
  return cluster.isWorker && typeof process.send === "function" && env.WORKER_INDEX !== undefined;
}

/**
 * Whether this process runs the app's background upkeep: the first worker of a cluster (its
 * replacement after a crash inherits the index), or the only process.
 */
export function runsMaintenance(): boolean {
  return !inClusterWorker() || env.WORKER_INDEX === 0;
}

/** Sends `payload` to every other worker listening on `topic` (nothing outside a cluster). */
export function relayToSiblings(topic: string, payload: string): void {
  if (!inClusterWorker() || !process.connected) return;
  const message: RelayMessage = { channel: RELAY, topic, payload };
  process.send!(message);
}

/** Calls `onPayload` with what other workers relay on `topic`; returns the unsubscribe function. */
export function onSiblingRelay(topic: string, onPayload: (payload: string) => void): () => void {
  const listener = (message: unknown) => {
    const m = message as Partial<RelayMessage> | null;
    if (m?.channel === RELAY && m.topic === topic && typeof m.payload === "string") onPayload(m.payload);
  };
  process.on("message", listener);
  return () => process.off("message", listener);
}
