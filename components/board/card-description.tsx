"use client";
// A card's description: Markdown, shown rendered (safely, markdown-view.tsx). Editors switch to a
// text area with a Preview tab; Ctrl/Cmd+Enter saves, Escape (inside the field) cancels the edit.
import { AlignLeft, Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BOARD_LIMITS } from "@/lib/validations/board";
import { MarkdownView } from "@/components/board/markdown-view";
import { TextArea } from "@/components/board/text-area";
import { cn } from "@/lib/cn";

export function CardDescription({
  value,
  canEdit,
  onSave,
  onEditingChange,
}: {
  value: string | null;
  canEdit: boolean;
  onSave: (description: string | null) => Promise<boolean>;
  /** The dialog keeps Escape for the field while it is being edited. */
  onEditingChange: (editing: boolean) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [draft, setDraft] = useState(value ?? "");
  const [pending, setPending] = useState(false);

  const start = () => {
    setDraft(value ?? "");
    setTab("write");
    setEditing(true);
    onEditingChange(true);
  };
  const stop = () => {
    setEditing(false);
    onEditingChange(false);
  };
  const save = async () => {
    setPending(true);
    const ok = await onSave(draft.trim() ? draft : null);
    setPending(false);
    if (ok) stop();
  };

  return (
    <section aria-labelledby="card-description-heading">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id="card-description-heading" className="flex items-center gap-2 text-sm font-semibold text-foreground">
          <AlignLeft className="size-4 text-muted-foreground" aria-hidden="true" />
          Description
        </h3>
        {canEdit && !editing && value ? (
          <Button variant="ghost" size="sm" onClick={start}>
            <Pencil className="size-3.5" aria-hidden="true" />
            Edit<span className="sr-only"> description</span>
          </Button>
        ) : null}
      </div>
      {editing ? (
        <div className="space-y-2">
          <div role="tablist" aria-label="Description editor" className="flex gap-1 text-sm">
            {(["write", "preview"] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={cn(
                  "rounded-md px-2.5 py-1 font-medium transition",
                  tab === t ? "bg-muted text-foreground" : "text-muted-foreground hover:text-foreground",
                )}
              >
                {t === "write" ? "Write" : "Preview"}
              </button>
            ))}
          </div>
          {tab === "write" ? (
            <TextArea
              aria-label="Description (Markdown)"
              rows={8}
              autoFocus
              value={draft}
              maxLength={BOARD_LIMITS.cardDescription}
              placeholder="Steps, links, notes… **Markdown** works: lists, links, `code`."
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void save();
                } else if (e.key === "Escape") {
                  e.preventDefault();
                  stop();
                }
              }}
            />
          ) : (
            <div role="tabpanel" className="min-h-32 rounded-lg border border-border px-3 py-2">
              {draft.trim() ? (
                <MarkdownView text={draft} />
              ) : (
                <p className="text-sm text-muted-foreground">Nothing to preview.</p>
              )}
            </div>
          )}
          <div className="flex items-center gap-2">
            <Button size="sm" loading={pending} onClick={() => void save()}>
              Save
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={stop}>
              Cancel
            </Button>
            <span className="ml-auto hidden text-xs text-muted-foreground sm:inline">Ctrl+Enter to save</span>
          </div>
        </div>
      ) : value ? (
        <div className="rounded-lg px-1">
          <MarkdownView text={value} />
        </div>
      ) : canEdit ? (
        <button
          type="button"
          onClick={start}
          className="w-full rounded-lg border border-dashed border-border px-3 py-4 text-left text-sm text-muted-foreground transition hover:border-brand/40 hover:text-foreground"
        >
          Add a description…
        </button>
      ) : (
        <p className="text-sm text-muted-foreground">No description.</p>
      )}
    </section>
  );
}
