// The due-date reminder: every open card due within the next 24 hours (the day before) whose
// reminder has not been sent for its current due date gets one email per assignee, and the card is
// marked `remindedForDueAt = dueAt`. Idempotent per due date: running again sends nothing, and
// changing the due date (update-card.ts clears the mark) arms it again. Runs from the scheduled
// maintenance (lib/maintenance.ts, every minute under `npm start`); several instances may run it at
// once: a card is claimed by a conditional update (its due date, mark and updatedAt as read), so
// only one of them sends. The claim, the audit event ("card.reminder_sent", the system as actor)
// and the emails (queued in the outbox, lib/email/send-email.ts queueEmail; the retry loop delivers
// them) commit together: a reminder is claimed exactly when its emails exist. Not a board change:
// no change number, no live event, updatedAt kept.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { dueReminderEmail } from "@/lib/email/board-messages";
import { queueEmail } from "@/lib/email/send-email";
import { absoluteUrl } from "@/lib/http/urls";

/** How far ahead a due date is reminded of. */
export const REMINDER_WINDOW_MS = 24 * 3_600_000;
/** Cards handled per run (the rest wait for the next run). */
const BATCH = 200;

export type DueReminderResult = { cards: number; emails: number };

export async function sendDueReminders(now = new Date()): Promise<DueReminderResult> {
  const until = new Date(now.getTime() + REMINDER_WINDOW_MS);
  const candidates = await db.card.findMany({
    where: {
      dueAt: { gt: now, lte: until },
      archivedAt: null,
      board: { archivedAt: null },
      // Not yet reminded of a due date in the window (a changed due date clears the mark).
      OR: [{ remindedForDueAt: null }, { remindedForDueAt: { lte: now } }, { remindedForDueAt: { gt: until } }],
      assignees: { some: { user: { status: "active" } } },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: {
      id: true,
      title: true,
      dueAt: true,
      remindedForDueAt: true,
      updatedAt: true,
      boardId: true,
      board: { select: { name: true } },
      column: { select: { name: true } },
      assignees: {
        where: { user: { status: "active" } },
        select: { user: { select: { id: true, email: true, firstName: true } } },
      },
    },
  });
  const due = candidates.filter((c) => c.dueAt && c.remindedForDueAt?.getTime() !== c.dueAt.getTime());

  const result: DueReminderResult = { cards: 0, emails: 0 };
  for (const card of due) {
    const dueAt = card.dueAt!;
    const recipients = card.assignees.map((a) => a.user);
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.card.updateMany({
        where: {
          id: card.id,
          dueAt,
          remindedForDueAt: card.remindedForDueAt,
          updatedAt: card.updatedAt,
          archivedAt: null,
        },
        // A reminder is not an edit: updatedAt stays as it was.
        data: { remindedForDueAt: dueAt, updatedAt: card.updatedAt },
      });
      if (count !== 1) return false;
      await audit(
        {
          action: "card.reminder_sent",
          actorId: null,
          targetType: "card",
          targetId: card.id,
          metadata: { boardId: card.boardId, dueAt: dueAt.toISOString(), recipients: recipients.map((r) => r.id) },
        },
        tx,
      );
      for (const user of recipients) {
        await queueEmail(
          tx,
          user.email,
          dueReminderEmail({
            firstName: user.firstName,
            cardTitle: card.title,
            boardName: card.board.name,
            columnName: card.column.name,
            dueAt,
            url: absoluteUrl(`/board/${card.boardId}?card=${card.id}`),
          }),
        );
      }
      return true;
    });
    // Changed meanwhile (edited, moved, claimed by another instance): the next run looks again.
    if (!claimed) continue;
    result.cards++;
    result.emails += recipients.length;
  }
  return result;
}
