"use client";
// The board page's client side: holds the board (board-state.ts: the server's version plus the
// person's own pending changes), applies live events from other viewers (useBoardLive), filters
// the cards by the URL's filters, and owns the keyboard: shortcuts on a focused card (move to the
// next column, up and down, archive, open…), "?" for the list of them, Ctrl+Z / Cmd+Z for undo
// (server-side, so it works across reloads and refuses what others have changed since). Dialogs
// that are not needed at first (a card, Move to…, settings) load when first opened.
import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { BoardEventJson, BoardJson, BoardCardJson } from "@/lib/validations/board";
import { BoardCanvas, loadDndCanvas } from "@/components/board/board-canvas";
import { BoardContext, type BoardContextValue, type CardCommand } from "@/components/board/board-context";
import { countsAfterMove, listTotal, type BoardCardCounts } from "@/components/board/board-counts";
import { BoardFilters } from "@/components/board/board-filters";
import { BoardHeader } from "@/components/board/board-header";
import { boardReadUrl } from "@/components/board/board-read-url";
import { boardReducer, boardView } from "@/components/board/board-state";
import { cardsIn, fullIndex, listId, positionOf, sameList, type ListKey } from "@/components/board/board-order";
import { cardDropped } from "@/components/board/announcements";
import { cardHandleId } from "@/components/board/card-tile";
import { localDay, matchesFilter, parseFilter } from "@/components/board/filter-cards";
import { ShortcutsDialog } from "@/components/board/shortcuts-dialog";
import { toast } from "@/components/board/board-toast";
import { useBoardLive } from "@/components/board/use-board-live";
import { useBoardMutations, type MoveTarget } from "@/components/board/use-board-mutations";

const CardDialog = dynamic(() => import("@/components/board/card-dialog").then((m) => m.CardDialog), {
  ssr: false,
});
const MoveCardDialog = dynamic(() => import("@/components/board/move-card-dialog").then((m) => m.MoveCardDialog), {
  ssr: false,
});
const BoardSettingsDialog = dynamic(
  () => import("@/components/board/board-settings-dialog").then((m) => m.BoardSettingsDialog),
  { ssr: false },
);

export type { BoardCardCounts };

export type BoardViewProps = {
  /**
   * With only the first cards of each list when `cardsDeferred` (a big board): all of them are read
   * right after the page is interactive.
   */
  board: BoardJson;
  cardsDeferred?: boolean;
  /** A deferred board's counts, shown until all its cards are here. */
  cardCounts?: BoardCardCounts | null;
  me: { userId: string; name: string };
  /** May change cards (editor, owner, manager with board.write) on an open board. */
  canEdit: boolean;
  /** May change the board's settings and members. */
  isOwner: boolean;
  /** Boards the viewer may move cards to (Move to…). */
  editableBoards: { id: string; name: string }[];
  /** May link and see customers / transactions. */
  links: { customers: boolean; transactions: boolean };
  /** The server's calendar day, until the browser knows its own. */
  today: string;
};

const TEXT_FIELD = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TEXT_FIELD) !== null;
}

function dialogOpen(): boolean {
  return document.querySelector("[role='dialog'], [role='alertdialog'], [role='menu']") !== null;
}

/** The board's REST read with the session cookie (same origin); null when it does not answer 200. */
async function readBoard(boardId: string): Promise<BoardJson | null> {
  try {
    const res = await fetch(boardReadUrl(boardId));
    return res.ok ? ((await res.json()) as { data: BoardJson }).data : null;
  } catch {
    return null;
  }
}

export function BoardView(props: BoardViewProps) {
  const { me, canEdit, isOwner } = props;
  const router = useRouter();
  const searchParams = useSearchParams();
  const [state, dispatch] = useReducer(boardReducer, { base: props.board, pending: [] });

  // A fresh server render of the page (router.refresh) brings a fresh board; a big board's comes
  // without cards, which are then read (again) through the board action.
  const [loaded, setLoaded] = useState(props.board);
  const [cardReads, setCardReads] = useState(props.cardsDeferred ? 1 : 0);
  const [cardsLoading, setCardsLoading] = useState(!!props.cardsDeferred);
  // A big board's counts while its cards load, kept up with the viewer's own moves meanwhile.
  const [counts, setCounts] = useState(props.cardCounts ?? null);
  if (loaded !== props.board) {
    setLoaded(props.board);
    setCounts(props.cardCounts ?? null);
    if (props.cardsDeferred) setCardReads((n) => n + 1);
    else dispatch({ type: "replace", board: props.board });
  }

  const view = useMemo(() => boardView(state), [state]);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });
  const getView = useCallback(() => viewRef.current, []);
  const mutations = useBoardMutations(view.id, dispatch, getView);

  // Live updates from other viewers (and echoes of one's own changes, applied by card version).
  const reloadRef = useRef(mutations.reload);
  useEffect(() => {
    reloadRef.current = mutations.reload;
  });
  const onEvents = useCallback((events: BoardEventJson[]) => {
    if (events.some((e) => e.payload.reload)) void reloadRef.current();
    dispatch({ type: "events", events });
  }, []);
  const onReload = useCallback(() => void reloadRef.current(), []);
  // A card to give focus to once it is drawn (after a keyboard move, or the full read's redraw).
  const focusAfter = useRef<string | null>(null);
  const live = useBoardLive({ boardId: view.id, seq: state.base.seq, onEvents, onReload });

  // All of a big board's cards, once the page (drawn with the first cards of each list, without
  // drag and drop) has hydrated: the board's REST read (plain JSON), then the drag-and-drop
  // canvas's and the virtual list's code (fetched once the read is in, so that evaluating them
  // does not hold up the keys of a page that has just hydrated); the board action if that read
  // fails. Not preloaded with the page: on the server the read of thousands of cards would hold
  // up the page's scripts, which is what makes it interactive. Drawn as one transition (the cards
  // and the drag-and-drop canvas in place of the first screenful), so a key pressed meanwhile is
  // answered first; a card that had focus keeps it.
  useEffect(() => {
    if (cardReads === 0) return;
    let current = true;
    void (async () => {
      const board = await readBoard(view.id);
      await Promise.all([loadDndCanvas(), import("@/components/board/virtual-card-list")]).catch(() => undefined);
      if (!current) return;
      const focused = document.activeElement?.closest<HTMLElement>("[data-card-id]")?.dataset.cardId;
      if (focused) focusAfter.current = focused;
      if (board) {
        startTransition(() => {
          dispatch({ type: "replace", board });
          setCardsLoading(false);
        });
        return;
      }
      await reloadRef.current();
      if (current) startTransition(() => setCardsLoading(false));
    })();
    return () => {
      current = false;
    };
  }, [cardReads, view.id]);

  // "Today" is the viewer's own day once the browser runs (the server's until then).
  const [today, setToday] = useState(props.today);
  useEffect(() => {
    const tick = () => setToday(localDay(new Date()));
    tick();
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, []);

  const filter = useMemo(() => parseFilter(new URLSearchParams(searchParams.toString())), [searchParams]);
  const labelNames = useMemo(() => new Map(view.labels.map((l) => [l.id, l.name])), [view.labels]);

  // Per list, the cards the filters show (in order).
  const visible = useMemo(() => {
    const lists = new Map<string, BoardCardJson[]>();
    const laneIds = view.swimlanesEnabled ? view.lanes.map((l) => l.id) : [null];
    for (const column of view.columns) {
      for (const laneId of laneIds) lists.set(listId({ columnId: column.id, laneId }), []);
    }
    for (const card of view.cards) {
      if (!matchesFilter(card, filter, { me: me.userId, today, labelNames })) continue;
      const key = listId({ columnId: card.columnId, laneId: view.swimlanesEnabled ? card.laneId : null });
      lists.get(key)?.push(card);
    }
    return lists;
  }, [view, filter, me.userId, today, labelNames]);
  const visibleRef = useRef(visible);
  useEffect(() => {
    visibleRef.current = visible;
  });
  const shownCount = useMemo(() => [...visible.values()].reduce((n, l) => n + l.length, 0), [visible]);
  // Until all of a big board's cards are here, its counts are the server's.
  const loadingCounts = cardsLoading ? counts : null;
  const loadingRef = useRef(cardsLoading);
  const countsRef = useRef(loadingCounts);
  useEffect(() => {
    loadingRef.current = cardsLoading;
    countsRef.current = loadingCounts;
  });

  /**
   * A move of the board's own (shortcuts, Move to…); while a big board's cards load, the counts
   * follow it, so the next move's "end of the list" is still right.
   */
  const sendMove = mutations.moveCard;
  const moveCard = useCallback(
    async (cardId: string, to: MoveTarget & { boardId?: string }) => {
      const card = viewRef.current.cards.find((c) => c.id === cardId);
      const ok = await sendMove(cardId, to);
      if (ok && card && loadingRef.current) {
        const swimlanes = viewRef.current.swimlanesEnabled;
        const from = { columnId: card.columnId, laneId: swimlanes ? card.laneId : null };
        const otherBoard = to.boardId !== undefined && to.boardId !== viewRef.current.id;
        const there = otherBoard ? null : { columnId: to.columnId, laneId: swimlanes ? to.laneId : null };
        setCounts((c) => c && countsAfterMove(c, from, there, swimlanes));
      }
      return ok;
    },
    [sendMove],
  );

  // Dialogs.
  const openCardId = searchParams.get("card");
  const [movingId, setMovingId] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [editOnOpen, setEditOnOpen] = useState(false);
  const pushedCard = useRef(false);

  const openCard = useCallback((cardId: string, edit = false) => {
    const url = new URL(window.location.href);
    url.searchParams.set("card", cardId);
    setEditOnOpen(edit);
    pushedCard.current = true;
    window.history.pushState(null, "", `${url.pathname}${url.search}`);
  }, []);
  const closeCard = useCallback(() => {
    if (pushedCard.current) {
      pushedCard.current = false;
      window.history.back();
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.delete("card");
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }, []);

  // Spoken outcome of the keyboard shortcuts' moves (drags speak through hello-pangea/dnd).
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const el = document.getElementById(cardHandleId(id));
    if (el) {
      focusAfter.current = null;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });

  const listKeyOf = useCallback(
    (card: BoardCardJson): ListKey => ({
      columnId: card.columnId,
      laneId: viewRef.current.swimlanesEnabled ? card.laneId : null,
    }),
    [],
  );

  const focusCard = (cardId: string | undefined) => {
    if (!cardId) return;
    const el = document.getElementById(cardHandleId(cardId));
    el?.focus();
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  const cardCommand = useCallback(
    (cardId: string, command: CardCommand) => {
      const board = viewRef.current;
      const shown = visibleRef.current;
      const card = board.cards.find((c) => c.id === cardId);
      if (!card) return;
      const key = listKeyOf(card);
      const list = shown.get(listId(key)) ?? [];
      const i = list.findIndex((c) => c.id === cardId);
      const columnIndex = board.columns.findIndex((c) => c.id === card.columnId);

      const moveTo = (to: ListKey, visibleIndex: number, toEnd = false) => {
        if (!canEdit) return;
        // The move's index counts the whole list. While a big board's cards load, each list's first
        // cards are here (the start of the list, in order), so an index among them is the same in
        // the whole list; the end of a list is its count, which the server sent with them.
        const full = cardsIn(board, to).filter((c) => c.id !== cardId);
        const shownTo = (shown.get(listId(to)) ?? []).filter((c) => c.id !== cardId);
        const total = loadingRef.current ? listTotal(countsRef.current, to, board.swimlanesEnabled) : null;
        const here = sameList(to, key);
        const homeTotal = loadingRef.current ? listTotal(countsRef.current, key, board.swimlanesEnabled) : null;
        if (loadingRef.current && total === null)
          return void toast.error("The board's cards are still loading: try again in a moment.");
        const index =
          total !== null && (toEnd || shownTo.length === 0)
            ? total - (here ? 1 : 0)
            : fullIndex(full, shownTo, Math.max(0, Math.min(visibleIndex, shownTo.length)));
        focusAfter.current = cardId;
        void moveCard(cardId, { ...to, index }).then((ok) => {
          const placed = positionOf(viewRef.current, cardId);
          if (!ok || !placed) return;
          // While the cards load, the place and length in the whole list (not among the first cards).
          const after =
            total === null ? placed : { ...placed, index: Math.min(index, total), count: total + (here ? 0 : 1) };
          const name = (id: string) => viewRef.current.columns.find((c) => c.id === id)?.name ?? "";
          const lane = (id: string | null) => viewRef.current.lanes.find((l) => l.id === id)?.name ?? null;
          const home = {
            columnName: name(key.columnId),
            laneName: lane(key.laneId),
            index: Math.max(0, i),
            count: homeTotal ?? list.length,
          };
          const there = {
            columnName: name(after.key.columnId),
            laneName: lane(after.key.laneId),
            index: after.index,
            count: after.count,
          };
          setSpoken(cardDropped(card.title, home, there, "DROP"));
        });
      };

      switch (command) {
        case "open":
          return openCard(cardId);
        case "edit":
          return openCard(cardId, true);
        case "move-dialog":
          if (canEdit) setMovingId(cardId);
          return;
        case "archive": {
          if (!canEdit) return;
          const next = list[i + 1] ?? list[i - 1];
          void mutations.setArchived(cardId, true).then((ok) => ok && focusCard(next?.id));
          return;
        }
        case "up":
          return i > 0 ? moveTo(key, i - 1) : undefined;
        case "down":
          return i < list.length - 1 ? moveTo(key, i + 1) : undefined;
        case "top":
          return i > 0 ? moveTo(key, 0) : undefined;
        case "bottom":
          return i < list.length - 1 || loadingRef.current ? moveTo(key, list.length, true) : undefined;
        case "prev-column":
        case "next-column": {
          const target = board.columns[columnIndex + (command === "prev-column" ? -1 : 1)];
          if (!target) return;
          return moveTo({ columnId: target.id, laneId: key.laneId }, i);
        }
        case "focus-up":
          return focusCard(list[i - 1]?.id);
        case "focus-down":
          return focusCard(list[i + 1]?.id);
        case "focus-left":
        case "focus-right": {
          const step = command === "focus-left" ? -1 : 1;
          for (let c = columnIndex + step; c >= 0 && c < board.columns.length; c += step) {
            const other = shown.get(listId({ columnId: board.columns[c]!.id, laneId: key.laneId })) ?? [];
            if (other.length) return focusCard(other[Math.min(i, other.length - 1)]!.id);
          }
          return;
        }
      }
    },
    [canEdit, listKeyOf, moveCard, mutations, openCard],
  );

  // Board-wide keys: "?" and undo, when no text field or dialog has them.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inTextField(event.target) || dialogOpen()) return;
      if (event.key === "?") {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === "z"
      ) {
        if (!canEdit) return;
        event.preventDefault();
        void mutations.undo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, mutations]);

  // The board has hydrated and its keys are live: a mark for the time-to-interactive bench
  // (bench/lib/board-tti.ts), after the key handler's effect.
  useEffect(() => {
    performance.mark("board:interactive");
  }, []);

  const meta = useMemo(
    () => ({
      labels: new Map(view.labels.map((l) => [l.id, l])),
      members: new Map(view.members.map((m) => [m.userId, m])),
      today,
    }),
    [view.labels, view.members, today],
  );
  const context = useMemo<BoardContextValue>(
    () => ({
      meta,
      canEdit,
      cardsLoading,
      commands: { card: cardCommand, showShortcuts: () => setShortcutsOpen(true) },
    }),
    [meta, canEdit, cardsLoading, cardCommand],
  );

  const scrollRef = useRef<HTMLDivElement | null>(null);
  const openCardInBoard = openCardId ? view.cards.find((c) => c.id === openCardId) : undefined;
  const movingCard = movingId ? view.cards.find((c) => c.id === movingId) : undefined;

  return (
    <BoardContext.Provider value={context}>
      <div className="space-y-4">
        <BoardHeader
          board={view}
          canEdit={canEdit}
          isOwner={isOwner}
          live={live.status}
          onShortcuts={() => setShortcutsOpen(true)}
          onSettings={() => setSettingsOpen(true)}
        />
        <BoardFilters
          filter={filter}
          members={view.members}
          labels={view.labels}
          meId={me.userId}
          total={loadingCounts?.total ?? view.cards.length}
          shown={loadingCounts ? loadingCounts.total : shownCount}
        />
        {view.columns.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border px-6 py-10 text-center text-sm text-muted-foreground">
            This board has no columns yet.
          </p>
        ) : null}
        <BoardCanvas
          board={view}
          visible={visible}
          canEdit={canEdit}
          mutations={mutations}
          scrollRef={scrollRef}
          counts={loadingCounts}
        />
        <p aria-live="polite" className="sr-only" data-testid="board-announcer">
          {spoken}
        </p>
        {cardsLoading ? (
          <p role="status" className="sr-only">
            Loading the cards…
          </p>
        ) : null}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      {openCardId ? (
        <CardDialog
          key={openCardId}
          boardId={view.id}
          cardId={openCardId}
          card={openCardInBoard}
          board={view}
          me={me}
          canEdit={canEdit}
          links={props.links}
          editTitle={editOnOpen}
          mutations={mutations}
          onMove={() => setMovingId(openCardId)}
          onClose={closeCard}
        />
      ) : null}
      {movingCard ? (
        <MoveCardDialog
          card={movingCard}
          board={view}
          visible={visible}
          counts={loadingCounts}
          editableBoards={props.editableBoards}
          onMove={(to) => {
            focusAfter.current = to.boardId && to.boardId !== view.id ? null : movingCard.id;
            return moveCard(movingCard.id, to);
          }}
          onClose={() => setMovingId(null)}
        />
      ) : null}
      {settingsOpen ? (
        <BoardSettingsDialog
          board={view}
          me={me}
          canEdit={canEdit}
          isOwner={isOwner}
          onApply={mutations.apply}
          onReload={mutations.reload}
          onArchived={() => {
            toast.success(`Archived ${view.name}.`);
            router.push("/board");
          }}
          onClose={() => setSettingsOpen(false)}
        />
      ) : null}
    </BoardContext.Provider>
  );
}
