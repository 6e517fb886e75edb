"use client";
// A card's comments in the card dialog, oldest first: Markdown shown safely (markdown-view.tsx),
// the author and when; editors add one (Ctrl/Cmd+Enter sends), and delete their own (owners any).
import { MessageSquare, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { addCommentAction } from "@/lib/actions/boards/add-comment";
import { deleteCommentAction } from "@/lib/actions/boards/delete-comment";
import { BOARD_LIMITS, type CardCommentJson, type CardJson } from "@/lib/validations/board";
import { formatDateTime, formatRelative } from "@/lib/format";
import { MarkdownView } from "@/components/board/markdown-view";
import { MemberAvatar } from "@/components/board/member-avatar";
import { TextArea } from "@/components/board/text-area";
import { toast } from "@/components/board/board-toast";

export function CardComments({
  boardId,
  cardId,
  comments,
  canEdit,
  me,
  now,
  onChanged,
  serial,
}: {
  boardId: string;
  cardId: string;
  comments: CardCommentJson[] | null;
  canEdit: boolean;
  me: { userId: string; name: string };
  now: Date;
  onChanged: (comments: CardCommentJson[], card: CardJson) => void;
  /** The board's per-card write queue (use-board-mutations.ts). */
  serial: <T>(cardId: string, write: () => Promise<T>) => Promise<T>;
}) {
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = comments ?? [];

  const send = async () => {
    if (!body.trim() || pending) return;
    setPending(true);
    setError(null);
    const result = await serial(cardId, () => addCommentAction(boardId, cardId, { body }));
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.body?.[0] ?? result.error);
    setBody("");
    onChanged([...list, result.data.comment], result.data.card);
  };

  const remove = async (comment: CardCommentJson) => {
    const result = await serial(cardId, () => deleteCommentAction(boardId, cardId, comment.id));
    if (!result.ok) return toast.error(result.error);
    onChanged(
      list.filter((c) => c.id !== comment.id),
      result.data.card,
    );
    toast.success("Comment deleted.");
  };

  return (
    <section aria-labelledby="card-comments-heading">
      <h3 id="card-comments-heading" className="mb-3 flex items-center gap-2 text-sm font-semibold text-foreground">
        <MessageSquare className="size-4 text-muted-foreground" aria-hidden="true" />
        Comments
        {list.length ? <span className="text-xs font-normal text-muted-foreground">{list.length}</span> : null}
      </h3>
      {comments === null ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      <ul className="space-y-4" data-testid="comments">
        {list.map((c) => (
          <li key={c.id} className="flex gap-3">
            <MemberAvatar userId={c.author?.id ?? "gone"} name={c.author?.name ?? "Deleted user"} size="md" />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="text-sm font-medium text-foreground">{c.author?.name ?? "Deleted user"}</span>
                <time
                  dateTime={c.createdAt}
                  title={formatDateTime(new Date(c.createdAt))}
                  className="text-xs text-muted-foreground"
                >
                  {formatRelative(new Date(c.createdAt), now)}
                </time>
                {c.canDelete ? (
                  <button
                    type="button"
                    onClick={() => void remove(c)}
                    className="ml-auto inline-flex items-center gap-1 rounded px-1 text-xs text-muted-foreground hover:text-danger"
                  >
                    <Trash2 className="size-3" aria-hidden="true" />
                    Delete<span className="sr-only"> comment by {c.author?.name ?? "a deleted user"}</span>
                  </button>
                ) : null}
              </div>
              <div className="mt-1 rounded-lg bg-muted/50 px-3 py-2">
                <MarkdownView text={c.body} />
              </div>
            </div>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="mt-4 flex gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <MemberAvatar userId={me.userId} name={me.name} size="md" />
          <div className="min-w-0 flex-1 space-y-2">
            <label htmlFor="card-comment-new" className="sr-only">
              Write a comment
            </label>
            <TextArea
              id="card-comment-new"
              rows={2}
              value={body}
              maxLength={BOARD_LIMITS.comment}
              placeholder="Write a comment… (Markdown works)"
              invalid={!!error}
              aria-describedby={error ? "card-comment-error" : undefined}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
            {error ? (
              <p id="card-comment-error" role="alert" className="text-sm text-danger">
                {error}
              </p>
            ) : null}
            <Button type="submit" size="sm" loading={pending} disabled={!body.trim()}>
              Comment
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
