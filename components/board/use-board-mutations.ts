"use client";
// Every change the board page makes, in one place: it shows the change at once (a pending change
// in board-state.ts), calls the server action, then keeps the server's answer or rolls the change
// back with a toast saying why (a hard WIP limit, a card someone changed meanwhile…). Moves,
// edits and archives offer "Undo" in their toast, which asks the server to revert the caller's
// latest change (undoCardChange), as Ctrl+Z does.
import { useCallback, useMemo, useRef, type Dispatch } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import { createCardAction } from "@/lib/actions/boards/create-card";
import { getBoardAction } from "@/lib/actions/boards/get-board";
import { moveCardAction } from "@/lib/actions/boards/move-card";
import { moveColumnAction } from "@/lib/actions/boards/move-column";
import { setCardArchivedAction } from "@/lib/actions/boards/set-card-archived";
import { undoCardChangeAction } from "@/lib/actions/boards/undo-card-change";
import { updateCardAction } from "@/lib/actions/boards/update-card";
import type { BoardCardJson, BoardChangePayload, BoardJson, CardJson, UpdateCardInput } from "@/lib/validations/board";
import type { BoardStateAction, PendingChange } from "@/components/board/board-state";
import { cardsIn, type ListKey } from "@/components/board/board-order";
import { toast, toastWarnings, toastWithAction } from "@/components/board/board-toast";

export type MoveTarget = ListKey & { index: number };

export type BoardMutations = {
  moveCard: (cardId: string, to: MoveTarget & { boardId?: string }, options?: { quiet?: boolean }) => Promise<boolean>;
  createCard: (list: ListKey, title: string) => Promise<boolean>;
  updateCard: (
    cardId: string,
    input: UpdateCardInput,
    options?: { version?: number; message?: string },
  ) => Promise<ActionResult<{ card: CardJson; seq: number }>>;
  setArchived: (cardId: string, archived: boolean) => Promise<boolean>;
  undo: () => Promise<void>;
  moveColumn: (columnId: string, index: number) => Promise<boolean>;
  apply: (payload: BoardChangePayload) => void;
  reload: () => Promise<void>;
  /**
   * Runs one write of a card after the earlier ones of the same card have been answered, so each
   * is sent with the version the previous one produced: one's own quick successive changes (two
   * moves, a tick then a priority) never refuse each other as stale.
   */
  serial: <T>(cardId: string, write: () => Promise<T>) => Promise<T>;
};

const STALE = "precondition_failed";

export function useBoardMutations(
  boardId: string,
  dispatch: Dispatch<BoardStateAction>,
  getView: () => BoardJson,
): BoardMutations {
  const nextId = useRef(1);
  const undoing = useRef(false);
  const queues = useRef(new Map<string, Promise<unknown>>());

  const serial = useCallback(<T>(cardId: string, write: () => Promise<T>): Promise<T> => {
    const before = queues.current.get(cardId) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(write);
    const tail = mine.catch(() => undefined);
    queues.current.set(cardId, tail);
    void tail.then(() => {
      if (queues.current.get(cardId) === tail) queues.current.delete(cardId);
    });
    return mine;
  }, []);
  // The newest version each answer gave a card: the next queued write of it can start before the
  // board has re-rendered with that answer (the board's copy would still be the older version).
  const answered = useRef(new Map<string, number>());
  const noteVersion = useCallback((card: { id: string; version: number }) => {
    if ((answered.current.get(card.id) ?? 0) < card.version) answered.current.set(card.id, card.version);
  }, []);
  /** The card's version: as the board holds it now, or as the latest answer gave it if newer. */
  const versionOf = useCallback(
    (cardId: string) => {
      const held = getView().cards.find((c) => c.id === cardId)?.version;
      const known = answered.current.get(cardId);
      return known !== undefined && (held === undefined || known > held) ? known : held;
    },
    [getView],
  );

  const optimistic = useCallback(
    (change: PendingChange) => {
      const id = nextId.current++;
      dispatch({ type: "optimistic", id, change });
      return id;
    },
    [dispatch],
  );

  const reload = useCallback(async () => {
    const result = await getBoardAction(boardId);
    if (result.ok) dispatch({ type: "replace", board: result.data });
    else toast.error(result.error);
  }, [boardId, dispatch]);

  const undo = useCallback(async () => {
    if (undoing.current) return;
    undoing.current = true;
    try {
      const result = await undoCardChangeAction(boardId);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      const { card, undone, warnings } = result.data;
      dispatch({
        type: "apply",
        payload: card.archivedAt ? { removedCardIds: [card.id] } : { cards: [card] },
      });
      toast.success(`Undid the ${undone} of “${card.title}”.`);
      toastWarnings(warnings);
    } finally {
      undoing.current = false;
    }
  }, [boardId, dispatch]);

  const offerUndo = useCallback(
    (message: string) => toastWithAction("success", message, { label: "Undo", onClick: () => void undo() }),
    [undo],
  );

  const moveCard = useCallback<BoardMutations["moveCard"]>(
    async (cardId, to, options) => {
      const view = getView();
      const card = view.cards.find((c) => c.id === cardId);
      if (!card) return false;
      const otherBoard = to.boardId !== undefined && to.boardId !== boardId;
      const id = otherBoard
        ? optimistic({ kind: "remove-card", cardId })
        : optimistic({ kind: "move", cardId, to: { columnId: to.columnId, laneId: to.laneId, index: to.index } });
      const result = await serial(cardId, () =>
        moveCardAction(
          boardId,
          cardId,
          {
            columnId: to.columnId,
            laneId: to.laneId,
            index: to.index,
            ...(otherBoard ? { boardId: to.boardId } : {}),
          },
          versionOf(cardId) ?? card.version,
        ),
      );
      if (!result.ok) {
        dispatch({ type: "rollback", id });
        if (result.code === STALE) {
          toast.error(`“${card.title}” was changed by someone else meanwhile. The board has been reloaded.`);
          void reload();
        } else toast.error(result.error);
        return false;
      }
      noteVersion(result.data.card);
      dispatch({ type: "settle", id, payload: { cards: [result.data.card] } });
      toastWarnings(result.data.warnings);
      if (!options?.quiet) {
        const column = otherBoard ? null : view.columns.find((c) => c.id === result.data.card.columnId);
        offerUndo(
          otherBoard
            ? `Moved “${card.title}” to another board.`
            : column && column.id !== card.columnId
              ? `Moved “${card.title}” to ${column.name}.`
              : `Moved “${card.title}”.`,
        );
      }
      return true;
    },
    [boardId, dispatch, getView, noteVersion, optimistic, offerUndo, reload, serial, versionOf],
  );

  const createCard = useCallback<BoardMutations["createCard"]>(
    async (list, title) => {
      const view = getView();
      const siblings = cardsIn(view, list);
      const temp: BoardCardJson = {
        id: `pending-${nextId.current}`,
        columnId: list.columnId,
        laneId: list.laneId,
        position: `${siblings.at(-1)?.position ?? "a0"}~`,
        title: title.trim(),
        hasDescription: false,
        dueAt: null,
        priority: "none",
        coverColor: null,
        labelIds: [],
        assigneeIds: [],
        checklist: { done: 0, total: 0 },
        commentCount: 0,
        customer: null,
        transaction: null,
        version: 0,
      };
      const id = optimistic({ kind: "add-card", card: temp, known: new Set(view.cards.map((c) => c.id)) });
      const result = await createCardAction(boardId, {
        title,
        columnId: list.columnId,
        ...(view.swimlanesEnabled ? { laneId: list.laneId } : {}),
      });
      if (!result.ok) {
        dispatch({ type: "rollback", id });
        toast.error(result.fieldErrors?.title?.[0] ?? result.error);
        return false;
      }
      dispatch({ type: "settle", id, payload: { cards: [result.data.card] } });
      toastWarnings(result.data.warnings);
      return true;
    },
    [boardId, dispatch, getView, optimistic],
  );

  const updateCard = useCallback<BoardMutations["updateCard"]>(
    async (cardId, input, options) => {
      const result = await serial(cardId, () =>
        updateCardAction(boardId, cardId, input, versionOf(cardId) ?? options?.version),
      );
      if (result.ok) {
        noteVersion(result.data.card);
        dispatch({ type: "apply", payload: { cards: [result.data.card] } });
        if (options?.message) offerUndo(options.message);
      } else if (result.code === STALE) {
        toast.error("This card was changed by someone else since you opened it. It has been reloaded.");
        void reload();
      } else if (!result.fieldErrors) toast.error(result.error);
      return result;
    },
    [boardId, dispatch, noteVersion, offerUndo, reload, serial, versionOf],
  );

  const setArchived = useCallback<BoardMutations["setArchived"]>(
    async (cardId, archived) => {
      const view = getView();
      const card = view.cards.find((c) => c.id === cardId);
      const id = archived ? optimistic({ kind: "remove-card", cardId }) : null;
      const result = await serial(cardId, () =>
        setCardArchivedAction(boardId, cardId, archived, archived ? (versionOf(cardId) ?? card?.version) : undefined),
      );
      if (!result.ok) {
        if (id !== null) dispatch({ type: "rollback", id });
        toast.error(
          result.code === STALE ? "This card was changed by someone else meanwhile. Try again." : result.error,
        );
        return false;
      }
      noteVersion(result.data.card);
      const payload: BoardChangePayload = archived ? { removedCardIds: [cardId] } : { cards: [result.data.card] };
      if (id !== null) dispatch({ type: "settle", id, payload });
      else dispatch({ type: "apply", payload });
      toastWarnings(result.data.warnings);
      offerUndo(archived ? `Archived “${result.data.card.title}”.` : `Restored “${result.data.card.title}”.`);
      return true;
    },
    [boardId, dispatch, getView, noteVersion, optimistic, offerUndo, serial, versionOf],
  );

  const moveColumn = useCallback<BoardMutations["moveColumn"]>(
    async (columnId, index) => {
      const id = optimistic({ kind: "move-column", columnId, index });
      const result = await moveColumnAction(boardId, columnId, index);
      if (!result.ok) {
        dispatch({ type: "rollback", id });
        toast.error(result.error);
        return false;
      }
      dispatch({ type: "settle", id, payload: { columns: [result.data.column] } });
      return true;
    },
    [boardId, dispatch, optimistic],
  );

  const apply = useCallback((payload: BoardChangePayload) => dispatch({ type: "apply", payload }), [dispatch]);

  return useMemo(
    () => ({ moveCard, createCard, updateCard, setArchived, undo, moveColumn, apply, reload, serial }),
    [moveCard, createCard, updateCard, setArchived, undo, moveColumn, apply, reload, serial],
  );
}
