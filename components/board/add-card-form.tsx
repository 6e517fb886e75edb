"use client";
// "Add a card" at the foot of a list: the button opens a title field; Enter adds the card and
// keeps the field open and focused for the next one, Escape (or leaving it empty) closes it.
import { X } from "lucide-react";
import "@/components/board/card-icons.css";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { BOARD_LIMITS } from "@/lib/validations/board-constants";
import { TextArea } from "@/components/board/text-area";
import type { ListKey } from "@/components/board/board-order";

export function AddCardForm({
  list,
  listName,
  onAdd,
  compact = false,
}: {
  list: ListKey;
  listName: string;
  onAdd: (list: ListKey, title: string) => Promise<boolean>;
  compact?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setTitle("");
    requestAnimationFrame(() => opener.current?.focus());
  };
  const add = () => {
    const text = title.trim();
    if (!text) return;
    setTitle("");
    field.current?.focus();
    void onAdd(list, text);
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        onClick={() => setOpen(true)}
        className="mb-2 flex w-full items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-muted-foreground transition hover:bg-foreground/5 hover:text-foreground"
      >
        <span className="card-icon card-icon-plus size-4" aria-hidden="true" />
        {compact ? (
          <span className="sr-only">Add a card to {listName}</span>
        ) : (
          <>
            Add a card<span className="sr-only"> to {listName}</span>
          </>
        )}
      </button>
    );
  }
  return (
    <form
      className="mb-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label className="sr-only" htmlFor={`add-card-${list.columnId}-${list.laneId ?? "all"}`}>
        Title of the new card in {listName}
      </label>
      <TextArea
        ref={field}
        id={`add-card-${list.columnId}-${list.laneId ?? "all"}`}
        rows={2}
        autoFocus
        maxLength={BOARD_LIMITS.cardTitle}
        placeholder="What needs doing?"
        value={title}
        className="resize-none"
        onChange={(e) => setTitle(e.target.value.replace(/\n/g, " "))}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            add();
          } else if (e.key === "Escape") {
            e.preventDefault();
            close();
          }
        }}
        onBlur={(e) => {
          // Leaving the form empty closes it; clicking its own buttons does not.
          if (!title.trim() && !e.currentTarget.form?.contains(e.relatedTarget as Node | null)) close();
        }}
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={!title.trim()}>
          Add card
        </Button>
        <Button type="button" variant="ghost" size="sm" className="px-2" onClick={close} aria-label="Stop adding cards">
          <X className="size-4" aria-hidden="true" />
        </Button>
        <span className="ml-auto hidden text-xs text-muted-foreground sm:inline">Enter to add</span>
      </div>
    </form>
  );
}
