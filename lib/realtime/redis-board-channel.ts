// Board change signals over Redis pub/sub (REDIS_URL set): published after the commit on the
// app's shared Redis connection (lib/rate-limit/limiter.ts), received on one dedicated subscriber
// connection per process (a subscribed ioredis connection can do nothing else). ioredis reconnects
// with backoff and re-subscribes by itself; after a reconnect the bus resyncs, because messages
// published meanwhile are not kept by Redis.
import "server-only";
import Redis from "ioredis";
import { log } from "@/lib/log";
import { redisClient } from "@/lib/rate-limit/limiter";
import { BOARD_SIGNAL_CHANNEL } from "@/lib/realtime/board-signal";

/** The Redis channel name (the bus's channel under the app's key prefix). */
export const REDIS_BOARD_CHANNEL = `opsdeck:${BOARD_SIGNAL_CHANNEL}`;

export class RedisBoardChannel {
  private subscriber: Redis | null = null;
  private readyOnce = false;
  /** Connected and subscribed. */
  listening = false;

  constructor(
    private readonly url: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onReconnect: () => Promise<void>,
  ) {}

  /** Publishes on the shared connection; a failure is logged (viewers re-check within seconds). */
  static publish(payload: string): void {
    const redis = redisClient();
    if (!redis) return;
    redis.publish(REDIS_BOARD_CHANNEL, payload).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, "board bus: Redis publish failed");
    });
  }

  start(): void {
    if (this.subscriber) return;
    const sub = new Redis(this.url, {
      connectTimeout: 2000,
      // A subscriber's commands are SUBSCRIBE only; queue them while reconnecting.
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(30_000, 500 * 2 ** Math.min(times, 6)),
    });
    this.subscriber = sub;
    sub.on("error", (err: Error) => log.warn({ err: err.message }, "board bus: Redis subscriber error"));
    sub.on("message", (channel: string, message: string) => {
      if (channel === REDIS_BOARD_CHANNEL) this.onPayload(message);
    });
    sub.on("close", () => (this.listening = false));
    // "ready" comes after every (re)connect, once ioredis has re-subscribed.
    sub.on("ready", () => {
      if (!this.readyOnce) return;
      this.listening = true;
      void this.onReconnect();
    });
    sub
      .subscribe(REDIS_BOARD_CHANNEL)
      .then(() => {
        this.readyOnce = true;
        this.listening = true;
      })
      .catch((err: unknown) =>
        log.warn({ err: err instanceof Error ? err.message : String(err) }, "board bus: Redis subscribe failed"),
      );
  }

  async stop(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = null;
    this.listening = false;
    if (!sub) return;
    await sub.quit().catch(() => sub.disconnect());
  }

  /** Drops the connection as a network failure would (tests of the reconnect). */
  simulateDrop(): void {
    this.subscriber?.disconnect(true);
  }
}
