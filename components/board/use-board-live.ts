"use client";
// Live updates of an open board for the board page: the React side of lib/realtime/board-live-feed.ts
// (EventSource on /api/v1/boards/{id}/events, changes handed over strictly in order, reload on a
// gap, `reload` or `gone`, reconnect with backoff). `onEvents` gets every change, the viewer's own
// included: apply by card version. `seq` is the board's number as loaded (BoardJson.seq): it is
// read when the board opens and, after onReload, to know the reload landed; pass the loaded
// board's seq, not the seq of your own changes' results. `status` feeds a small indicator.
import { useEffect, useRef, useState } from "react";
import { openBoardLiveFeed, type BoardLiveFeed, type BoardLiveStatus } from "@/lib/realtime/board-live-feed";
import type { BoardEventJson } from "@/lib/validations/board";

export type { BoardLiveStatus };

export type UseBoardLiveOptions = {
  boardId: string;
  seq: number;
  onEvents: (events: BoardEventJson[]) => void;
  onReload: () => void;
};

export function useBoardLive({ boardId, seq, onEvents, onReload }: UseBoardLiveOptions): { status: BoardLiveStatus } {
  const [status, setStatus] = useState<BoardLiveStatus>("connecting");
  const latest = useRef({ seq, onEvents, onReload });
  const feed = useRef<BoardLiveFeed | null>(null);

  useEffect(() => {
    latest.current = { seq, onEvents, onReload };
  });

  useEffect(() => {
    const opened = openBoardLiveFeed(boardId, latest.current.seq, {
      onEvents: (events) => latest.current.onEvents(events),
      onReload: () => latest.current.onReload(),
      onStatus: setStatus,
    });
    feed.current = opened;
    return () => {
      opened.close();
      feed.current = null;
      setStatus("connecting");
    };
  }, [boardId]);

  useEffect(() => {
    feed.current?.seqChanged(seq);
  }, [seq]);

  return { status };
}
