"use client";
// A card's checklist in the card dialog: a progress bar, items to tick, reword (click the text, or
// Enter on it), move up and down (Alt+↑/↓ on an item) and remove, and a field adding the next
// item (Enter adds and keeps the field). Each change answers with the card's new counts.
import { ArrowDown, ArrowUp, ListChecks, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { addChecklistItemAction } from "@/lib/actions/boards/add-checklist-item";
import { moveChecklistItemAction } from "@/lib/actions/boards/move-checklist-item";
import { removeChecklistItemAction } from "@/lib/actions/boards/remove-checklist-item";
import { updateChecklistItemAction } from "@/lib/actions/boards/update-checklist-item";
import type { ActionResult } from "@/lib/actions/run-action";
import { BOARD_LIMITS, type CardJson, type ChecklistItemJson } from "@/lib/validations/board";
import { toast } from "@/components/board/board-toast";
import { cn } from "@/lib/cn";

type Changed = ActionResult<{ card: CardJson; checklist: ChecklistItemJson[] }>;

export function CardChecklist({
  boardId,
  cardId,
  items,
  canEdit,
  onChanged,
  serial,
}: {
  boardId: string;
  cardId: string;
  items: ChecklistItemJson[] | null;
  canEdit: boolean;
  onChanged: (checklist: ChecklistItemJson[], card: CardJson) => void;
  /** The board's per-card write queue (use-board-mutations.ts). */
  serial: <T>(cardId: string, write: () => Promise<T>) => Promise<T>;
}) {
  const [text, setText] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  // Ticks show at once; the server's answer replaces them (a refusal puts the box back).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const list = (items ?? []).map((i) => (i.id in ticked ? { ...i, done: ticked[i.id]! } : i));
  const done = list.filter((i) => i.done).length;

  // Answers can overtake each other; the server writes one after another, so the answer to the
  // latest request carries the fullest list, and an older one arriving late is not applied.
  const sent = useRef(0);
  const applied = useRef(0);
  const run = async (call: () => Promise<Changed>) => {
    const mine = ++sent.current;
    setBusy(true);
    const result = await serial(cardId, call);
    if (mine === sent.current) setBusy(false);
    if (!result.ok) {
      toast.error(result.fieldErrors?.text?.[0] ?? result.error);
      return false;
    }
    if (mine > applied.current) {
      applied.current = mine;
      onChanged(result.data.checklist, result.data.card);
    }
    return true;
  };

  const add = async () => {
    const value = text.trim();
    if (!value) return;
    // The field is free for the next item at once; a refused one comes back into it.
    setText("");
    if (!(await run(() => addChecklistItemAction(boardId, cardId, { text: value })))) setText((t) => t || value);
  };

  const saveText = async (item: ChecklistItemJson) => {
    const value = draft.trim();
    setEditing(null);
    if (!value || value === item.text) return;
    await run(() => updateChecklistItemAction(boardId, cardId, item.id, { text: value }));
  };

  return (
    <section aria-labelledby="card-checklist-heading">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id="card-checklist-heading" className="flex items-center gap-2 text-sm font-semibold text-foreground">
          <ListChecks className="size-4 text-muted-foreground" aria-hidden="true" />
          Checklist
        </h3>
        {list.length ? (
          <span className="text-xs tabular-nums text-muted-foreground">
            {done} of {list.length} done
          </span>
        ) : null}
      </div>
      {list.length ? (
        <div
          className="mb-3 h-1.5 overflow-hidden rounded-full bg-muted"
          role="progressbar"
          aria-label="Checklist progress"
          aria-valuemin={0}
          aria-valuemax={list.length}
          aria-valuenow={done}
        >
          <div
            className={cn("h-full rounded-full transition-all", done === list.length ? "bg-success" : "bg-brand")}
            style={{ width: `${(done / list.length) * 100}%` }}
          />
        </div>
      ) : null}
      {items === null ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      <ul className="space-y-1" data-testid="checklist">
        {list.map((item, index) => (
          <li
            key={item.id}
            className="group/item flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-muted/60"
            onKeyDown={(e) => {
              if (!canEdit || !e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
              e.preventDefault();
              const to = index + (e.key === "ArrowUp" ? -1 : 1);
              if (to >= 0 && to < list.length) void run(() => moveChecklistItemAction(boardId, cardId, item.id, to));
            }}
          >
            <input
              type="checkbox"
              checked={item.done}
              disabled={!canEdit}
              aria-label={item.text}
              className="size-4 shrink-0 accent-[var(--brand)]"
              onChange={(e) => {
                const checked = e.target.checked;
                setTicked((t) => ({ ...t, [item.id]: checked }));
                void run(() => updateChecklistItemAction(boardId, cardId, item.id, { done: checked })).then(() =>
                  setTicked(({ [item.id]: _settled, ...rest }) => rest),
                );
              }}
            />
            {editing === item.id ? (
              <Input
                aria-label={`Reword “${item.text}”`}
                value={draft}
                autoFocus
                maxLength={BOARD_LIMITS.checklistText}
                className="h-8"
                onChange={(e) => setDraft(e.target.value)}
                onBlur={() => void saveText(item)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    void saveText(item);
                  } else if (e.key === "Escape") {
                    e.preventDefault();
                    e.stopPropagation();
                    setEditing(null);
                  }
                }}
              />
            ) : (
              <button
                type="button"
                disabled={!canEdit}
                onClick={() => {
                  setDraft(item.text);
                  setEditing(item.id);
                }}
                className={cn(
                  "min-w-0 flex-1 break-words rounded px-1 text-left text-sm disabled:cursor-default",
                  item.done ? "text-muted-foreground line-through" : "text-foreground",
                )}
              >
                {item.text}
              </button>
            )}
            {canEdit && editing !== item.id ? (
              <span className="flex shrink-0 opacity-0 transition group-focus-within/item:opacity-100 group-hover/item:opacity-100 [@media(hover:none)]:opacity-100">
                <button
                  type="button"
                  aria-label={`Move “${item.text}” up`}
                  disabled={index === 0 || busy}
                  onClick={() => void run(() => moveChecklistItemAction(boardId, cardId, item.id, index - 1))}
                  className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground disabled:opacity-40"
                >
                  <ArrowUp className="size-3.5" aria-hidden="true" />
                </button>
                <button
                  type="button"
                  aria-label={`Move “${item.text}” down`}
                  disabled={index === list.length - 1 || busy}
                  onClick={() => void run(() => moveChecklistItemAction(boardId, cardId, item.id, index + 1))}
                  className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground disabled:opacity-40"
                >
                  <ArrowDown className="size-3.5" aria-hidden="true" />
                </button>
                <button
                  type="button"
                  aria-label={`Remove “${item.text}”`}
                  disabled={busy}
                  onClick={() => void run(() => removeChecklistItemAction(boardId, cardId, item.id))}
                  className="rounded p-1 text-muted-foreground hover:bg-danger-soft hover:text-danger"
                >
                  <Trash2 className="size-3.5" aria-hidden="true" />
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && list.length < BOARD_LIMITS.checklistItems ? (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor="checklist-new" className="sr-only">
            New checklist item
          </label>
          <Input
            id="checklist-new"
            value={text}
            maxLength={BOARD_LIMITS.checklistText}
            placeholder="Add an item"
            className="h-9"
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" variant="secondary" size="sm" className="h-9" disabled={!text.trim()}>
            Add
          </Button>
        </form>
      ) : null}
    </section>
  );
}
