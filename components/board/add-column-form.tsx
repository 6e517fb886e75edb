"use client";
// "Add a column" at the right end of the board (editors): a name field; Enter adds the column and
// keeps the field for the next one, Escape closes it.
import { Plus } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createColumnAction } from "@/lib/actions/boards/create-column";
import type { BoardChangePayload } from "@/lib/validations/board";
import { BOARD_LIMITS } from "@/lib/validations/board-constants";
import { toast } from "@/components/board/board-toast";

export function AddColumnForm({
  boardId,
  onApply,
}: {
  boardId: string;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const field = useRef<HTMLInputElement>(null);

  // The field is free for the next name at once (the new column can show, by its live event, before
  // the action answers; the router sends the adds in order), and a refused name comes back into an
  // empty field.
  const add = async () => {
    const text = name.trim();
    if (!text) return;
    setName("");
    const result = await createColumnAction(boardId, { name: text });
    if (!result.ok) {
      setName((current) => current || text);
      toast.error(result.fieldErrors?.name?.[0] ?? result.error);
      return;
    }
    onApply({ columns: [result.data.column] });
    field.current?.focus();
  };

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-11 w-72 shrink-0 items-center gap-2 rounded-xl border border-dashed border-border px-4 text-sm font-medium text-muted-foreground transition hover:border-brand/40 hover:bg-surface hover:text-foreground"
      >
        <Plus className="size-4" aria-hidden="true" />
        Add a column
      </button>
    );
  }
  return (
    <form
      className="w-72 shrink-0 space-y-2 self-start rounded-xl border border-border bg-surface p-3 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label htmlFor="add-column-name" className="text-sm font-medium text-foreground">
        Column name
      </label>
      <Input
        ref={field}
        id="add-column-name"
        autoFocus
        autoComplete="off"
        maxLength={BOARD_LIMITS.columnName}
        value={name}
        placeholder="Review"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            setOpen(false);
            setName("");
          }
        }}
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={!name.trim()}>
          Add column
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            setOpen(false);
            setName("");
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
