// Shared set-up of the board integration tests: a board with an owner, an editor and a viewer, and
// a check that a write left exactly one change (the next number, its event, its audit row).
import { expect } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { createBoard } from "@/lib/data/boards/create-board";
import { getBoard } from "@/lib/data/boards/get-board";
import { setBoardMember } from "@/lib/data/boards/board-members";
import { testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

export type BoardPeople = { owner: Viewer; editor: Viewer; viewer: Viewer; outsider: Viewer; manager: Viewer };

export const ctx = testContext();

export async function boardPeople(): Promise<BoardPeople> {
  return {
    owner: await viewerWithRole("staff"),
    editor: await viewerWithRole("staff"),
    viewer: await viewerWithRole("staff"),
    outsider: await viewerWithRole("staff"),
    manager: await viewerWithPermissions(["board.read", "board.write", "board.manage"]),
  };
}

export async function newBoard(
  people: BoardPeople,
  columns = ["To do", "Doing", "Done"],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; columns: string[]; lanes: string[] }> {
  const { id } = await createBoard(
    people.owner,
    { name: `Board ${Math.random().toString(36).slice(2, 8)}`, columns, ...extra },
    ctx,
  );
  await setBoardMember(people.owner, id, { userId: people.editor.userId, role: "editor" }, ctx);
  await setBoardMember(people.owner, id, { userId: people.viewer.userId, role: "viewer" }, ctx);
  const board = await getBoard(people.owner, id);
  return { id, columns: board.columns.map((c) => c.id), lanes: board.lanes.map((l) => l.id) };
}

export async function boardSeq(boardId: string): Promise<number> {
  return (await db.board.findUniqueOrThrow({ where: { id: boardId }, select: { seq: true } })).seq;
}

/**
 * Runs a write and checks it was one change of the board: the next change number, returned as
 * `seq`, with its BoardEvent, and the newest audit row is `action` about this board.
 */
export async function expectOneChange<T extends { seq: number }>(
  boardId: string,
  action: string,
  write: () => Promise<T>,
): Promise<T> {
  const before = await boardSeq(boardId);
  const done = await write();
  expect(done.seq).toBe(before + 1);
  expect(await boardSeq(boardId)).toBe(before + 1);
  const event = await db.boardEvent.findUnique({ where: { boardId_seq: { boardId, seq: before + 1 } } });
  expect(event).not.toBeNull();
  const row = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
  expect(row.action).toBe(action);
  expect(JSON.parse(row.metadata).boardId).toBe(boardId);
  return done;
}

/** Refused with a ValidationError naming `field`, and nothing written (no change number used). */
export async function expectRefusedInput(boardId: string, field: string, write: () => Promise<unknown>) {
  const before = await boardSeq(boardId);
  const audits = await db.auditEvent.count();
  const error = await write().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
  expect(await boardSeq(boardId)).toBe(before);
  expect(await db.auditEvent.count()).toBe(audits);
}

/** Refused with `type`, and nothing written. */
export async function expectRefused(
  boardId: string,
  type: abstract new (...args: never[]) => Error,
  write: () => Promise<unknown>,
) {
  const before = await boardSeq(boardId);
  await expect(write()).rejects.toBeInstanceOf(type);
  expect(await boardSeq(boardId)).toBe(before);
}
