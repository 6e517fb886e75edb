// One dedicated PostgreSQL connection per process that LISTENs on the board channel and hands
// each notification's payload to the bus (lib/realtime/board-bus.ts). It is not from Prisma's pool:
// a pooled connection is handed to other queries and its LISTEN would be lost. When the connection
// drops it reconnects with exponential backoff (0.5 s doubling to 30 s) and then asks the bus to
// resync, because notifications sent while it was away are gone.
import "server-only";
import pg from "pg";
import { log } from "@/lib/log";

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

export class PgBoardListener {
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private connectedOnce = false;
  private stopped = false;
  /** Connected and LISTENing. */
  listening = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onReconnect: () => Promise<void>,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`unsafe channel name ${channel}`);
  }

  start(): void {
    if (this.client || this.retryTimer || this.stopped) return;
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    this.client = client;
    let dropped = false;
    const drop = (err?: unknown) => {
      if (dropped) return;
      dropped = true;
      this.listening = false;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.failures++);
      log.warn({ err, retryInMs: delay }, "board bus: PostgreSQL LISTEN connection lost; reconnecting");
      this.retryTimer = setTimeout(() => void this.connect(), delay);
      this.retryTimer.unref();
    };
    client.on("notification", (message) => {
      if (message.channel === this.channel && message.payload) this.onPayload(message.payload);
    });
    client.on("error", drop);
    client.on("end", () => drop());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      drop(err);
      return;
    }
    if (this.stopped || dropped) return;
    this.listening = true;
    this.failures = 0;
    if (this.connectedOnce) await this.onReconnect();
    this.connectedOnce = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Drops the connection as a network failure would (tests of the reconnect). */
  simulateDrop(): void {
    this.client?.emit("error", new Error("simulated connection loss"));
  }
}
