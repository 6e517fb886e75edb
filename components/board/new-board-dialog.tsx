"use client";
// "New board" (board.write): name, description, colour, swimlanes on or off, and the columns to
// start with (one per line; To do, Doing, Done unless changed). The server's own schema
// (createBoardSchema) checks the form in the browser first; the action's field errors show
// inline. On success the new board opens.
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors as HookFieldErrors, Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field, describedBy } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { ColorPicker } from "@/components/board/color-picker";
import { TextArea } from "@/components/board/text-area";
import { createBoardAction } from "@/lib/actions/boards/create-board";
import { BOARD_LIMITS, createBoardSchema, type BoardColor, type CreateBoardInput } from "@/lib/validations/board";

type FormValues = {
  name: string;
  description: string;
  color: BoardColor;
  swimlanesEnabled: boolean;
  columns: string;
};

const DEFAULTS: FormValues = {
  name: "",
  description: "",
  color: "blue",
  swimlanesEnabled: false,
  columns: "To do\nDoing\nDone",
};

export function toCreateBoardInput(values: FormValues): CreateBoardInput {
  return {
    name: values.name,
    description: values.description.trim() || null,
    color: values.color,
    swimlanesEnabled: values.swimlanesEnabled,
    columns: values.columns
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** createBoardSchema, run over what the form holds; a column's message lands on the columns field. */
const resolver: Resolver<FormValues> = async (values) => {
  const parsed = createBoardSchema.safeParse(toCreateBoardInput(values));
  if (parsed.success) return { values, errors: {} };
  const errors: HookFieldErrors<FormValues> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "name") as keyof FormValues;
    if (errors[field]) continue;
    const line = field === "columns" && typeof issue.path[1] === "number" ? `Line ${issue.path[1] + 1}: ` : "";
    const message =
      field === "columns" && issue.code === "too_big"
        ? `Start with at most ${BOARD_LIMITS.columns} columns.`
        : `${line}${issue.message}`;
    errors[field] = { type: "validate", message };
  }
  return { values: {}, errors };
};

function NewBoardForm({ onDone }: { onDone: (id: string, name: string) => void }) {
  const { form, errors, formError, onSubmit } = useActionForm<FormValues, FormValues, { id: string }>({
    resolver,
    mode: "onTouched",
    defaultValues: DEFAULTS,
    action: (values) => createBoardAction(toCreateBoardInput(values)),
    onSuccess: (created, f) => onDone(created.id, f.getValues("name").trim()),
  });
  const { register, watch, setValue } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New board">
      <TextField
        id="board-new-name"
        label="Name"
        autoComplete="off"
        placeholder="Shop floor"
        maxLength={BOARD_LIMITS.name}
        error={errors.name?.message}
        autoFocus
        {...register("name")}
      />
      <Field id="board-new-description" label="Description" hint="Optional." error={errors.description?.message}>
        <TextArea
          id="board-new-description"
          rows={2}
          maxLength={BOARD_LIMITS.description}
          invalid={!!errors.description}
          aria-describedby={describedBy("board-new-description", errors.description?.message, true)}
          placeholder="What this board is for"
          {...register("description")}
        />
      </Field>
      <ColorPicker label="Colour" value={watch("color")} onChange={(c) => c && setValue("color", c)} />
      <Field
        id="board-new-columns"
        label="Starting columns"
        hint="One per line. You can add, rename and reorder columns later."
        error={errors.columns?.message}
      >
        <TextArea
          id="board-new-columns"
          rows={4}
          invalid={!!errors.columns}
          aria-describedby={describedBy("board-new-columns", errors.columns?.message, true)}
          {...register("columns")}
        />
      </Field>
      <label className="flex items-start gap-3 rounded-lg border border-border p-3">
        <input type="checkbox" className="mt-0.5 size-4 accent-[var(--brand)]" {...register("swimlanesEnabled")} />
        <span>
          <span className="block text-sm font-medium text-foreground">Swimlanes</span>
          <span className="block text-sm text-muted-foreground">
            Horizontal lanes across the columns, e.g. one per team or kind of work.
          </span>
        </span>
      </label>
      {formError ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Create board
        </Button>
      </DialogFooter>
    </form>
  );
}

export function NewBoardDialog({ label = "New board" }: { label?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setOpening((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden="true" />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="New board" description="You become its owner; add members once it exists." size="md">
        <NewBoardForm
          key={opening}
          onDone={(id, name) => {
            toast.success(`Created ${name}.`);
            setOpen(false);
            router.push(`/board/${id}`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
