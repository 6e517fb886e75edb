// The load of `npm run bench:board`'s move row: `movers` concurrent clients, each moving a random
// card to a random index of a random column through POST /api/v1/boards/{id}/cards/{cardId}/move
// (API key, keep-alive) as fast as answers come, for `seconds`; meanwhile one live viewer holds
// the board's event stream (GET /api/v1/boards/{id}/events) and notes when each change arrives,
// so the row also says how long a move takes to reach another viewer (further viewers, when asked
// for, only add their load). In-process clients: they
// share the machine's cores with the server (noted in the output).
import { performance } from "node:perf_hooks";
import { percentile } from "./client";

export type MoveRun = {
  moves: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: Record<string, number>;
  /** Request start → the viewer's stream delivering that change (ms); `received` of `moves`. */
  live: { p50: number; p99: number; received: number };
  lastSeq: number;
};

/**
 * Opens the event stream and records when each card version arrives (a move's change carries the
 * card at its new version, so `cardId:version` names one move).
 */
async function liveViewer(url: string, headers: Record<string, string>, signal: AbortSignal) {
  const arrivals = new Map<string, number>();
  let lastSeq = 0;
  const res = await fetch(url, { headers: { ...headers, accept: "text/event-stream" }, signal });
  if (res.status !== 200) throw new Error(`event stream answered ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!frame.startsWith("event: change") || !data) continue;
          const event = JSON.parse(data) as { seq: number; payload: { cards?: { id: string; version: number }[] } };
          lastSeq = Math.max(lastSeq, event.seq);
          for (const card of event.payload.cards ?? []) arrivals.set(`${card.id}:${card.version}`, performance.now());
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return { arrivals, done, lastSeq: () => lastSeq };
}

export async function runMovers(options: {
  base: string;
  apiKey: string;
  boardId: string;
  columnIds: string[];
  cardIds: string[];
  startSeq: number;
  movers: number;
  seconds: number;
  /** Cards per column, roughly (random indexes stay within it). */
  perColumn: number;
  /** Live viewers holding the board's event stream meanwhile (1 unless told). */
  viewers?: number;
}): Promise<MoveRun> {
  const auth = { authorization: `Bearer ${options.apiKey}` };
  const stop = new AbortController();
  const streamUrl = `${options.base}/api/v1/boards/${options.boardId}/events?after=${options.startSeq}`;
  const viewer = await liveViewer(streamUrl, auth, stop.signal);
  // Further viewers only load the server (each stream reads every change for itself).
  const others = await Promise.all(
    Array.from({ length: (options.viewers ?? 1) - 1 }, () => liveViewer(streamUrl, auth, stop.signal)),
  );
  const latencies: number[] = [];
  const sent = new Map<string, number>();
  const errors: Record<string, number> = {};
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const mover = async () => {
    while (performance.now() < deadline) {
      const cardId = pick(options.cardIds);
      const body = JSON.stringify({
        columnId: pick(options.columnIds),
        index: Math.floor(Math.random() * options.perColumn),
      });
      const t0 = performance.now();
      const res = await fetch(`${options.base}/api/v1/boards/${options.boardId}/cards/${cardId}/move`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body,
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      if (res.status === 200) {
        latencies.push(ms);
        const { card } = (JSON.parse(text) as { data: { card: { id: string; version: number } } }).data;
        sent.set(`${card.id}:${card.version}`, t0);
      } else {
        const code = /"code":"([a-z_]+)"/.exec(text)?.[1] ?? "";
        const key = `${res.status}${code ? ` ${code}` : ""}`;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.movers }, mover));
  const seconds = (performance.now() - started) / 1000;
  // Let the last changes reach the viewer.
  await new Promise((r) => setTimeout(r, 1500));
  stop.abort();
  await Promise.all([viewer, ...others].map((v) => v.done));

  latencies.sort((a, b) => a - b);
  const live: number[] = [];
  for (const [move, t0] of sent) {
    const at = viewer.arrivals.get(move);
    if (at !== undefined) live.push(at - t0);
  }
  live.sort((a, b) => a - b);
  return {
    moves: latencies.length,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    live: { p50: percentile(live, 50), p99: percentile(live, 99), received: live.length },
    lastSeq: Math.max(options.startSeq, viewer.lastSeq()),
  };
}
