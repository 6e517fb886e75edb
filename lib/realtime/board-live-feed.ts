// The browser side of a board's live updates, without React (components/board/use-board-live.ts
// wraps it): an EventSource on GET /api/v1/boards/{id}/events from the change number the page
// loaded. Changes are handed over strictly in order (seq === last + 1), the viewer's own included
// (apply them by card version); a gap, the server's `reload` or `gone` asks the page to reload the
// board instead (`gone` also stops). While a reload is under way incoming changes are held; once
// the page reports the reloaded board's seq (seqChanged), the held ones after it are handed over.
// A dropped connection reconnects with backoff (1 s doubling to 30 s) from the last change handed
// over. Runs in the browser: no server imports.
import type { BoardEventJson } from "@/lib/validations/board";

export type BoardLiveStatus = "live" | "connecting" | "offline";

export type BoardLiveCallbacks = {
  onEvents: (events: BoardEventJson[]) => void;
  onReload: () => void;
  onStatus: (status: BoardLiveStatus) => void;
};

/** What the feed needs of EventSource (a stand-in in unit tests). */
export type EventSourceLike = {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
};

export type BoardLiveEnvironment = {
  openEventSource: (url: string) => EventSourceLike;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export const MAX_BACKOFF_MS = 30_000;
/** A reload that has not produced a new seq by then is asked for again. */
export const RELOAD_RETRY_MS = 10_000;
const MAX_HELD = 1_000;

const browser: () => BoardLiveEnvironment = () => ({
  openEventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
});

export type BoardLiveFeed = {
  /** The page's board seq changed (a reload landed): ends a pending reload. */
  seqChanged(seq: number): void;
  close(): void;
};

export function openBoardLiveFeed(
  boardId: string,
  seq: number,
  callbacks: BoardLiveCallbacks,
  env: BoardLiveEnvironment = browser(),
): BoardLiveFeed {
  let last = seq;
  let reloading = false;
  let held: BoardEventJson[] = [];
  let source: EventSourceLike | null = null;
  let failures = 0;
  let stopped = false;
  let retry: unknown;
  let reloadRetry: unknown;

  const reload = () => {
    env.clearTimeout(reloadRetry);
    reloading = true;
    held = [];
    callbacks.onReload();
    reloadRetry = env.setTimeout(() => reloading && !stopped && reload(), RELOAD_RETRY_MS);
  };

  /** Hands over the consecutive run after `last`; anything beyond a gap means reload. */
  const apply = (events: BoardEventJson[]) => {
    const run: BoardEventJson[] = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= last) continue;
      if (event.seq !== last + 1) break;
      run.push(event);
      last = event.seq;
    }
    if (run.length) callbacks.onEvents(run);
    if (events.some((e) => e.seq > last)) reload();
  };

  const connect = () => {
    if (stopped) return;
    if (source) callbacks.onStatus("connecting");
    const es = env.openEventSource(`/api/v1/boards/${encodeURIComponent(boardId)}/events?after=${last}`);
    source = es;
    es.onopen = () => {
      failures = 0;
      callbacks.onStatus("live");
    };
    es.addEventListener("change", (e) => {
      const event = JSON.parse(e.data) as BoardEventJson;
      if (!reloading) apply([event]);
      else if (held.length < MAX_HELD) held.push(event);
    });
    es.addEventListener("reload", () => {
      if (!reloading) reload();
    });
    es.addEventListener("gone", () => {
      stopped = true;
      es.close();
      callbacks.onStatus("offline");
      callbacks.onReload();
    });
    // Ended by the server (its 5-minute limit), the network or an error answer: our own backoff,
    // from the last change handed over (not the browser's own retry with its Last-Event-ID).
    es.onerror = () => {
      es.close();
      if (stopped) return;
      callbacks.onStatus("offline");
      retry = env.setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++));
    };
  };

  connect();
  return {
    seqChanged(seq) {
      if (!reloading) return;
      env.clearTimeout(reloadRetry);
      reloading = false;
      last = Math.max(last, seq);
      const pending = held;
      held = [];
      apply(pending);
    },
    close() {
      stopped = true;
      env.clearTimeout(retry);
      env.clearTimeout(reloadRetry);
      source?.close();
    },
  };
}
