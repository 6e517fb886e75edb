import { withApi } from "@/lib/api/with-api";
import { listBoardEvents } from "@/lib/data/boards/board-events";
import { API_CSP } from "@/lib/http/csp";
import { ValidationError } from "@/lib/errors";
import { boardEventStream, reserveStreamSlot } from "@/lib/realtime/board-event-stream";

/** The change number to start after: Last-Event-ID (an EventSource reconnecting) wins over `after`. */
function startAfter(request: Request, searchParams: URLSearchParams): number {
  const header = request.headers.get("last-event-id");
  const raw = header?.trim() || searchParams.get("after");
  if (raw === null || !/^\d{1,15}$/.test(raw)) {
    throw new ValidationError({
      after: ["Give the change number you hold (the board's seq) as ?after=<n> or Last-Event-ID."],
    });
  }
  return Number(raw);
}

/**
 * GET /api/v1/boards/{id}/events?after=<seq>: a `text/event-stream` of the board's changes after
 * `after` (or the Last-Event-ID header): catch-up first, then live. `event: change` (id = seq, data =
 * BoardEventJson) per change, `event: reload` (data `{"seq":n}`) when the caller is too far behind,
 * `event: gone` when they lost access, `: ping` every 15 s. The stream ends after 5 minutes; reconnect
 * with Last-Event-ID. 404 for a board the caller is not a member of, before any stream starts; 429
 * beyond MAX_STREAMS_PER_PRINCIPAL open streams of one person or key.
 */
export const GET = withApi(
  async (ctx) => {
    const after = startAfter(ctx.request, ctx.searchParams);
    const first = await listBoardEvents(ctx.actor, ctx.params.id, after);
    const release = reserveStreamSlot(ctx.actor, ctx.request.signal);
    const stream = boardEventStream({
      actor: ctx.actor,
      boardId: ctx.params.id!,
      first,
      signal: ctx.request.signal,
      release,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: Next's compression (and proxies) must not buffer the stream to gzip it.
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
        "Content-Security-Policy": API_CSP,
      },
    });
  },
  { permission: "board.read" },
);
