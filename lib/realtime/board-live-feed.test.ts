import { describe, expect, it } from "vitest";
import {
  MAX_BACKOFF_MS,
  openBoardLiveFeed,
  RELOAD_RETRY_MS,
  type BoardLiveStatus,
  type EventSourceLike,
} from "@/lib/realtime/board-live-feed";
import type { BoardEventJson } from "@/lib/validations/board";

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.(new Event("open"));
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  change(seq: number) {
    this.emit("change", event(seq));
  }
  fail() {
    this.onerror?.(new Event("error"));
  }
}

function event(seq: number): BoardEventJson {
  return { seq, kind: "card.moved", actorId: "u1", cardId: "c1", payload: {}, createdAt: "2026-01-01T00:00:00.000Z" };
}

/** A feed on fake EventSources and a fake clock. */
function harness(seq = 10) {
  const sources: FakeSource[] = [];
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const delivered: number[][] = [];
  const statuses: BoardLiveStatus[] = [];
  let reloads = 0;
  const feed = openBoardLiveFeed(
    "board 1",
    seq,
    {
      onEvents: (events) => delivered.push(events.map((e) => e.seq)),
      onReload: () => reloads++,
      onStatus: (s) => statuses.push(s),
    },
    {
      openEventSource: (url) => {
        const s = new FakeSource(url);
        sources.push(s);
        return s;
      },
      setTimeout: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimeout: (id) => {
        timers = timers.filter((t) => t.id !== id);
      },
    },
  );
  return {
    feed,
    sources,
    delivered,
    statuses,
    reloads: () => reloads,
    source: () => sources.at(-1)!,
    advance(ms: number) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        due.fn();
      }
    },
  };
}

describe("board live feed", () => {
  it("opens the stream after the loaded number and hands over consecutive changes", () => {
    const h = harness(10);
    expect(h.source().url).toBe("/api/v1/boards/board%201/events?after=10");
    h.source().open();
    expect(h.statuses).toEqual(["live"]);
    h.source().change(11);
    h.source().change(12);
    h.source().change(12);
    h.source().change(9);
    expect(h.delivered).toEqual([[11], [12]]);
    expect(h.reloads()).toBe(0);
  });

  it("asks for a reload on a gap, holds changes meanwhile and hands over those after the reloaded number", () => {
    const h = harness(10);
    h.source().open();
    h.source().change(11);
    h.source().change(13);
    expect(h.reloads()).toBe(1);
    h.source().change(14);
    h.source().change(15);
    h.source().change(16);
    // Asked once, not again for each held change.
    expect(h.reloads()).toBe(1);
    h.feed.seqChanged(14);
    expect(h.delivered).toEqual([[11], [15, 16]]);
    h.source().change(17);
    expect(h.delivered.at(-1)).toEqual([17]);
    expect(h.reloads()).toBe(1);
  });

  it("reloads on the server's `reload`, and asks again when no reload landed in time", () => {
    const h = harness(10);
    h.source().open();
    h.source().emit("reload", { seq: 400 });
    expect(h.reloads()).toBe(1);
    h.advance(RELOAD_RETRY_MS);
    expect(h.reloads()).toBe(2);
    h.feed.seqChanged(400);
    h.advance(RELOAD_RETRY_MS * 3);
    expect(h.reloads()).toBe(2);
    h.source().change(401);
    expect(h.delivered).toEqual([[401]]);
  });

  it("ignores the page's seq while no reload is pending (its own changes' results)", () => {
    const h = harness(10);
    h.source().open();
    h.feed.seqChanged(12);
    h.source().change(11);
    h.source().change(12);
    expect(h.delivered).toEqual([[11], [12]]);
  });

  it("stops on `gone` after asking for a reload", () => {
    const h = harness(10);
    h.source().open();
    h.source().emit("gone", {});
    expect(h.reloads()).toBe(1);
    expect(h.source().closed).toBe(true);
    expect(h.statuses.at(-1)).toBe("offline");
    h.source().fail();
    h.advance(MAX_BACKOFF_MS * 2);
    expect(h.sources).toHaveLength(1);
  });

  it("reconnects with doubling backoff from the last change handed over", () => {
    const h = harness(10);
    h.source().open();
    h.source().change(11);
    h.source().fail();
    expect(h.source().closed).toBe(true);
    expect(h.statuses.at(-1)).toBe("offline");
    h.advance(999);
    expect(h.sources).toHaveLength(1);
    h.advance(1);
    expect(h.sources).toHaveLength(2);
    expect(h.source().url).toBe("/api/v1/boards/board%201/events?after=11");
    expect(h.statuses.at(-1)).toBe("connecting");
    h.source().fail();
    h.advance(1999);
    expect(h.sources).toHaveLength(2);
    h.advance(1);
    expect(h.sources).toHaveLength(3);
    for (let i = 0; i < 10; i++) {
      h.source().fail();
      h.advance(MAX_BACKOFF_MS);
    }
    expect(h.sources).toHaveLength(13);
    // A connection that opened resets the backoff.
    h.source().open();
    expect(h.statuses.at(-1)).toBe("live");
    h.source().fail();
    h.advance(1000);
    expect(h.sources).toHaveLength(14);
  });

  it("closes its stream and timers when the page leaves", () => {
    const h = harness(10);
    h.source().fail();
    h.feed.close();
    h.advance(MAX_BACKOFF_MS);
    expect(h.sources).toHaveLength(1);
    expect(h.source().closed).toBe(true);
  });
});
