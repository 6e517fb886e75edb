// The due-date reminder job on a real database. Its clock is set far ahead (2090) and the cards are
// due then, so cards other test files leave in the shared database are never in its window.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { formatDateTime } from "@/lib/format";
import { setBoardMember } from "@/lib/data/boards/board-members";
import { createBoard } from "@/lib/data/boards/create-board";
import { createCard } from "@/lib/data/boards/create-card";
import { getBoard } from "@/lib/data/boards/get-board";
import { setCardArchived } from "@/lib/data/boards/set-card-archived";
import { updateCard } from "@/lib/data/boards/update-card";
import { sendDueReminders } from "@/lib/data/boards/send-due-reminders";
import { testContext } from "@/test/helpers";
import { viewerWithRole } from "@/test/role-viewers";

const HOUR = 3_600_000;
const ctx = testContext();
let owner: Viewer;
let ann: Viewer;
let ben: Viewer;
let now: Date;

beforeAll(async () => {
  owner = await viewerWithRole("staff");
  ann = await viewerWithRole("staff");
  ben = await viewerWithRole("staff");
});

/** A fresh clock per test, an hour after the previous one, so each test has its own window. */
let clock = Date.UTC(2090, 0, 1);
function tick() {
  clock += 1000 * HOUR;
  now = new Date(clock);
  return now;
}

async function newBoard() {
  const { id } = await createBoard(
    owner,
    { name: `Due ${Math.random().toString(36).slice(2, 8)}`, columns: ["To do"] },
    ctx,
  );
  for (const p of [ann, ben]) await setBoardMember(owner, id, { userId: p.userId, role: "editor" }, ctx);
  return { id, column: (await getBoard(owner, id)).columns[0]!.id };
}

async function dueCard(
  board: { id: string; column: string },
  hoursAhead: number,
  assignees: Viewer[],
  title = "Send the quote",
) {
  const { card } = await createCard(
    owner,
    board.id,
    {
      title: `${title} ${Math.random().toString(36).slice(2, 6)}`,
      columnId: board.column,
      dueAt: new Date(now.getTime() + hoursAhead * HOUR).toISOString(),
      assigneeIds: assignees.map((a) => a.userId),
    },
    ctx,
  );
  return card;
}

/** The reminders a person received for a card. */
async function remindersOf(person: Viewer, cardTitle: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: person.userId }, select: { email: true } });
  const rows = await db.emailOutbox.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } });
  return rows.filter((r) => r.subject.includes(cardTitle));
}

async function reminderAudits(cardId: string) {
  return db.auditEvent.findMany({ where: { action: "card.reminder_sent", targetId: cardId } });
}

describe("sendDueReminders", () => {
  it("emails each assignee once the day before, marks the card, and sends nothing on the next run", async () => {
    tick();
    const board = await newBoard();
    const card = await dueCard(board, 12, [ann, ben]);
    const before = await db.card.findUniqueOrThrow({ where: { id: card.id } });

    const first = await sendDueReminders(now);
    expect(first).toEqual({ cards: 1, emails: 2 });
    const [annMail] = await remindersOf(ann, card.title);
    expect(await remindersOf(ann, card.title)).toHaveLength(1);
    expect(await remindersOf(ben, card.title)).toHaveLength(1);
    expect(annMail!.subject).toContain(card.title);
    expect(openEmailBody(annMail!.text)).toContain(`/board/${board.id}?card=${card.id}`);
    expect(openEmailBody(annMail!.text)).toContain(`is due ${formatDateTime(new Date(card.dueAt!))}`);

    const after = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.remindedForDueAt?.toISOString()).toBe(card.dueAt);
    // Not an edit: version, updatedAt and the board's change number stay.
    expect(after.version).toBe(before.version);
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
    const audits = await reminderAudits(card.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBeNull();
    expect(JSON.parse(audits[0]!.metadata)).toMatchObject({ boardId: board.id, dueAt: card.dueAt });

    expect(await sendDueReminders(now)).toEqual({ cards: 0, emails: 0 });
    expect(await sendDueReminders(new Date(now.getTime() + 6 * HOUR))).toEqual({ cards: 0, emails: 0 });
    expect(await remindersOf(ann, card.title)).toHaveLength(1);
    expect(await reminderAudits(card.id)).toHaveLength(1);
  });

  it("sends again once the due date moved, and only then", async () => {
    tick();
    const board = await newBoard();
    const card = await dueCard(board, 10, [ann]);
    await sendDueReminders(now);
    expect(await remindersOf(ann, card.title)).toHaveLength(1);
    // An edit that leaves the due date alone does not re-arm it.
    await updateCard(owner, board.id, card.id, { priority: "high" }, ctx);
    await sendDueReminders(now);
    expect(await remindersOf(ann, card.title)).toHaveLength(1);

    const moved = new Date(now.getTime() + 20 * HOUR);
    await updateCard(owner, board.id, card.id, { dueAt: moved.toISOString() }, ctx);
    expect(await sendDueReminders(now)).toEqual({ cards: 1, emails: 1 });
    expect(await sendDueReminders(now)).toEqual({ cards: 0, emails: 0 });
    expect(await remindersOf(ann, card.title)).toHaveLength(2);
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).remindedForDueAt?.getTime()).toBe(
      moved.getTime(),
    );
  });

  it("waits for the day before, and skips archived, unassigned, overdue cards and banned assignees", async () => {
    tick();
    const board = await newBoard();
    const later = await dueCard(board, 30, [ann], "Later");
    const archived = await dueCard(board, 5, [ann], "Archived");
    await setCardArchived(owner, board.id, archived.id, true, ctx);
    const nobody = await dueCard(board, 5, [], "Unassigned");
    const overdue = await dueCard(board, -2, [ann], "Overdue");
    const banned = await viewerWithRole("staff");
    await setBoardMember(owner, board.id, { userId: banned.userId, role: "editor" }, ctx);
    const mixed = await dueCard(board, 6, [ann, banned], "Mixed");
    await db.user.update({ where: { id: banned.userId }, data: { status: "banned" } });

    expect(await sendDueReminders(now)).toEqual({ cards: 1, emails: 1 });
    expect(await remindersOf(ann, mixed.title)).toHaveLength(1);
    expect(await remindersOf(banned, mixed.title)).toHaveLength(0);
    for (const c of [later, archived, nobody, overdue]) {
      expect(await reminderAudits(c.id), c.title).toHaveLength(0);
      expect((await db.card.findUniqueOrThrow({ where: { id: c.id } })).remindedForDueAt, c.title).toBeNull();
    }
    expect(await remindersOf(ann, later.title)).toHaveLength(0);
    // A day before "Later" is due, it is reminded of.
    expect(await sendDueReminders(new Date(now.getTime() + 7 * HOUR))).toEqual({ cards: 1, emails: 1 });
    expect(await remindersOf(ann, later.title)).toHaveLength(1);
  });

  it("sends once when two instances run it at the same moment", async () => {
    tick();
    const board = await newBoard();
    const cards = [];
    for (let i = 0; i < 5; i++) cards.push(await dueCard(board, 3 + i, [ann, ben], `Race ${i}`));
    const runs = await Promise.all([sendDueReminders(now), sendDueReminders(now), sendDueReminders(now)]);
    expect(runs.reduce((n, r) => n + r.emails, 0)).toBe(10);
    expect(runs.reduce((n, r) => n + r.cards, 0)).toBe(5);
    for (const card of cards) {
      expect(await remindersOf(ann, card.title)).toHaveLength(1);
      expect(await remindersOf(ben, card.title)).toHaveLength(1);
      expect(await reminderAudits(card.id)).toHaveLength(1);
    }
  });
});
