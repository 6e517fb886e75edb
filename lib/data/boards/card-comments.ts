// Comments on a card (Markdown, rendered sanitised). Writing one is a change of the board like any
// other, so it takes an editor ("a viewer gets 403 on writes" holds without exceptions); a comment
// is deleted by its author, or by an owner of the board (and board.manage). A comment does not
// change the card itself: its version stays (an edit open in someone's dialog is not refused for
// it) and its event names no card for undo; viewers get the card with its new comment count.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { boardEntityIdSchema, commentSchema, type CardCommentJson, type CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import { readCard } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";
import { canDeleteComment, toCommentJson } from "@/lib/data/boards/get-card";

export const COMMENT_NOT_FOUND = "Comment not found.";

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  authorId: true,
  author: { select: { id: true, firstName: true, lastName: true, username: true } },
} as const;

export async function addComment(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<{ comment: CardCommentJson; card: CardJson; seq: number }> {
  const values = parseOrThrow(commentSchema, input);
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    const row = await tx.cardComment.create({
      data: { cardId: current.id, authorId: actor!.userId, body: values.body },
      select: commentSelect,
    });
    const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
    return {
      result: { comment: toCommentJson(actor!, access, row), card },
      kind: "card.details_changed",
      payload: { cards: [card] },
      audit: {
        action: "card.commented",
        targetType: "card",
        targetId: current.id,
        metadata: { title: current.title, commentId: row.id, excerpt: excerpt(values.body) },
      },
    };
  });
  return { comment: result.comment, card: visibleCard(actor!, result.card), seq };
}

export async function deleteComment(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  commentId: unknown,
  ctx: RequestContext,
): Promise<{ commentId: string; card: CardJson; seq: number }> {
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    const parsed = boardEntityIdSchema.safeParse(commentId);
    const comment = parsed.success
      ? await tx.cardComment.findFirst({
          where: { id: parsed.data, cardId: current.id },
          select: { id: true, authorId: true, body: true },
        })
      : null;
    if (!comment) throw new NotFoundError(COMMENT_NOT_FOUND);
    if (!canDeleteComment(actor!, access, comment)) {
      throw new ForbiddenError("Only its author or an owner of the board can delete this comment.", "board_role");
    }
    await tx.cardComment.delete({ where: { id: comment.id } });
    const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
    return {
      result: { commentId: comment.id, card },
      kind: "card.details_changed",
      payload: { cards: [card] },
      audit: {
        action: "card.comment_deleted",
        targetType: "card",
        targetId: current.id,
        targetName: current.title,
        metadata: {
          title: current.title,
          commentId: comment.id,
          authorId: comment.authorId,
        },
      },
    };
  });
  return { commentId: result.commentId, card: visibleCard(actor!, result.card), seq };
}

/** The start of a comment, kept with the audit event of its writing (never shown in the card's history). */
function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
