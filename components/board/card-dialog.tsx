"use client";
// The card dialog (?card=<id> in the URL, so a card can be linked to): title, description in
// Markdown, checklist, comments and history on the left; assignees, labels, due day, priority,
// cover, customer or transaction link and the card's actions on the right. The card shown is the
// board's own copy (lean: no description), so other people's changes arrive here live; the whole
// card (description, checklist, comments, history) is read when the dialog opens and again when
// the board's copy moves past it. Each edit sends the version shown, and one made over a newer
// change is refused (412): the board reloads and the toast says so.
// Loaded only when a card is first opened (next/dynamic in board-view.tsx).
import { Pencil } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { getCardAction } from "@/lib/actions/boards/get-card";
import {
  BOARD_LIMITS,
  type BoardCardJson,
  type BoardJson,
  type CardDetailJson,
  type UpdateCardInput,
} from "@/lib/validations/board";
import { CardChecklist } from "@/components/board/card-checklist";
import { CardComments } from "@/components/board/card-comments";
import { CardDescription } from "@/components/board/card-description";
import { CardFields } from "@/components/board/card-fields";
import { CardHistory } from "@/components/board/card-history";
import { swatch } from "@/components/board/colors";
import type { BoardMutations } from "@/components/board/use-board-mutations";
import { cn } from "@/lib/cn";

export function CardDialog({
  boardId,
  cardId,
  card: boardCard,
  board,
  me,
  canEdit,
  links,
  editTitle,
  mutations,
  onMove,
  onClose,
}: {
  boardId: string;
  cardId: string;
  /** The board's copy of the card (absent when it is not among the open cards). */
  card: BoardCardJson | undefined;
  board: BoardJson;
  me: { userId: string; name: string };
  canEdit: boolean;
  links: { customers: boolean; transactions: boolean };
  editTitle: boolean;
  mutations: BoardMutations;
  onMove: () => void;
  onClose: () => void;
}) {
  const [detail, setDetail] = useState<CardDetailJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const editingText = useRef(false);
  const [renaming, setRenaming] = useState(editTitle);

  const load = useCallback(async () => {
    const result = await getCardAction(boardId, cardId);
    if (result.ok) {
      setDetail(result.data);
      setError(null);
    } else setError(result.error);
  }, [boardId, cardId]);
  useEffect(() => {
    let live = true;
    void getCardAction(boardId, cardId).then((result) => {
      if (!live) return;
      if (result.ok) setDetail(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [boardId, cardId]);

  // Someone changed the card since it was read (a live event, or one's own checklist tick): read it again.
  const boardVersion = boardCard?.version ?? 0;
  const readVersion = detail?.card.version ?? null;
  useEffect(() => {
    if (readVersion === null || boardVersion <= readVersion) return;
    let live = true;
    void getCardAction(boardId, cardId).then((result) => {
      if (live && result.ok) setDetail(result.data);
    });
    return () => {
      live = false;
    };
  }, [boardId, cardId, boardVersion, readVersion]);

  const card: BoardCardJson | null = boardCard ?? detail?.card ?? null;
  const archived = !boardCard && !!detail?.card.archivedAt;
  const editable = canEdit && !!card && !archived;

  const save = async (input: UpdateCardInput, message: string) => {
    if (!card) return false;
    const result = await mutations.updateCard(card.id, input, { message });
    if (result.ok) {
      setDetail((d) => (d ? { ...d, card: result.data.card } : d));
      void load();
    }
    return result.ok;
  };

  const column = card ? board.columns.find((c) => c.id === card.columnId) : null;
  const lane = card && board.swimlanesEnabled ? board.lanes.find((l) => l.id === card.laneId) : null;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        size="lg"
        className="sm:max-w-3xl [&>div:first-child>div:first-child]:pr-10"
        title={
          card ? (
            <CardTitle card={card} editing={renaming && editable} onDone={() => setRenaming(false)} save={save} />
          ) : (
            "Card"
          )
        }
        description={
          card ? (
            <>
              {archived ? "Archived · was in " : "In "}
              <span className="font-medium text-foreground">{column?.name ?? "a column"}</span>
              {lane ? (
                <>
                  {" "}
                  · lane <span className="font-medium text-foreground">{lane.name}</span>
                </>
              ) : null}{" "}
              on {board.name}
            </>
          ) : undefined
        }
        onEscapeKeyDown={(e) => {
          if (editingText.current) e.preventDefault();
        }}
        onOpenAutoFocus={(e) => {
          if (renaming) e.preventDefault();
        }}
      >
        {card?.coverColor ? (
          <div aria-hidden="true" className={cn("-mx-6 -mt-4 mb-4 h-3", swatch(card.coverColor).solid)} />
        ) : null}
        {editable && !renaming ? (
          // Beside the dialog's close button (positioned against the dialog, so it stays put while the body scrolls).
          <button
            type="button"
            onClick={() => setRenaming(true)}
            title="Rename the card (E on the board)"
            className="absolute right-14 top-3.5 inline-flex size-8 items-center justify-center rounded-md text-muted-foreground transition hover:bg-muted hover:text-foreground"
          >
            <Pencil className="size-4" aria-hidden="true" />
            <span className="sr-only">Rename the card</span>
          </button>
        ) : null}
        {!card ? (
          error ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : (
            <p className="text-sm text-muted-foreground" role="status">
              Loading the card…
            </p>
          )
        ) : (
          <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_14rem]" data-testid="card-dialog">
            <div className="min-w-0 space-y-6">
              {detail ? (
                <CardDescription
                  value={detail.card.description}
                  canEdit={editable}
                  onEditingChange={(editing) => {
                    editingText.current = editing;
                  }}
                  onSave={(description) => save({ description }, "Description saved.")}
                />
              ) : (
                <p className="text-sm text-muted-foreground" role="status">
                  Loading the description…
                </p>
              )}
              <CardChecklist
                boardId={boardId}
                cardId={card.id}
                items={detail?.checklist ?? null}
                canEdit={editable}
                serial={mutations.serial}
                onChanged={(checklist, changed) => {
                  setDetail((d) => (d ? { ...d, checklist, card: changed } : d));
                  mutations.apply({ cards: [changed] });
                }}
              />
              <CardComments
                boardId={boardId}
                cardId={card.id}
                comments={detail?.comments ?? null}
                canEdit={editable}
                serial={mutations.serial}
                me={me}
                now={now}
                onChanged={(comments, changed) => {
                  setDetail((d) => (d ? { ...d, comments, card: changed } : d));
                  mutations.apply({ cards: [changed] });
                  void load();
                }}
              />
              <CardHistory entries={detail?.history ?? null} board={board} now={now} />
            </div>
            <CardFields
              card={card}
              board={board}
              canEdit={editable}
              links={links}
              save={save}
              onMove={onMove}
              onArchive={() => {
                onClose();
                void mutations.setArchived(card.id, true);
              }}
            />
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function CardTitle({
  card,
  editing,
  onDone,
  save,
}: {
  card: BoardCardJson;
  editing: boolean;
  onDone: () => void;
  save: (input: UpdateCardInput, message: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(card.title);
  const [wasEditing, setWasEditing] = useState(editing);
  if (wasEditing !== editing) {
    setWasEditing(editing);
    if (editing) setDraft(card.title);
  }
  const commit = async () => {
    const next = draft.trim().replace(/\s+/g, " ");
    onDone();
    if (!next || next === card.title) return setDraft(card.title);
    if (!(await save({ title: next }, "Title saved."))) setDraft(card.title);
  };
  if (!editing) return <span className="break-words">{card.title}</span>;
  return (
    <Input
      aria-label="Card title"
      autoFocus
      value={draft}
      maxLength={BOARD_LIMITS.cardTitle}
      className="h-9 text-base font-semibold"
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          void commit();
        } else if (e.key === "Escape") {
          e.preventDefault();
          setDraft(card.title);
          onDone();
        }
      }}
    />
  );
}
