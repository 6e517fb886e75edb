// The wording of the Kanban boards' email (lib/data/boards): the due-date reminder an assignee
// receives the day before a card is due (lib/data/boards/send-due-reminders.ts).
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";
import { formatDateTime } from "@/lib/format";

export function dueReminderEmail(details: {
  firstName: string;
  cardTitle: string;
  boardName: string;
  columnName: string;
  dueAt: Date;
  url: string;
}): EmailContent {
  return {
    subject: `Due ${formatDateTime(details.dueAt)}: ${details.cardTitle}`,
    heading: "A card assigned to you is due soon",
    paragraphs: [
      `Hi ${details.firstName},`,
      `“${details.cardTitle}” on the board ${details.boardName} (in ${details.columnName}) is due ${formatDateTime(details.dueAt)}.`,
      "You receive this because the card is assigned to you. Move it on, or change its due date if the plan changed.",
    ],
    action: { label: "Open the card", url: details.url },
    note: `One reminder per due date. Sent by ${config.productName}'s boards.`,
  };
}
