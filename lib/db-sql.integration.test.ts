import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isUniqueViolation, newId, writeTransaction } from "@/lib/db-sql";
import { createTestUser } from "@/test/create-test-user";

const lastNameOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { lastName: true } })).lastName;

describe("writeTransaction", () => {
  it("commits what it wrote and answers what the function returned", async () => {
    const user = await createTestUser();
    const result = await writeTransaction(async (q) => {
      const changed = await q.run('UPDATE "User" SET "lastName" = ? WHERE "id" = ?', ["Committed", user.id]);
      const [row] = await q.rows<{ lastName: string }>('SELECT "lastName" FROM "User" WHERE "id" = ?', [user.id]);
      return { changed, seen: row?.lastName };
    });
    expect(result).toEqual({ changed: 1, seen: "Committed" });
    expect(await lastNameOf(user.id)).toBe("Committed");
  });

  it("writes nothing when the function throws, and rethrows its error", async () => {
    const user = await createTestUser();
    const attempt = writeTransaction(async (q) => {
      await q.run('UPDATE "User" SET "lastName" = ? WHERE "id" = ?', ["Half-written", user.id]);
      throw new Error("refused midway");
    });
    await expect(attempt).rejects.toThrow("refused midway");
    expect(await lastNameOf(user.id)).toBe("Person");
  });

  it("keeps another request's query from seeing its uncommitted rows, and from being lost", async () => {
    const user = await createTestUser();
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const other = writeTransaction(async (q) => {
      await q.run('UPDATE "User" SET "lastName" = ? WHERE "id" = ?', ["Uncommitted", user.id]);
      inside();
      await new Promise((resolve) => setTimeout(resolve, 150));
      throw new Error("rolled back");
    }).catch((error: Error) => error.message);
    await opened;
    const seen = await lastNameOf(user.id);
    await db.user.update({ where: { id: user.id }, data: { firstName: "Kept" } });
    expect(await other).toBe("rolled back");
    expect(seen).toBe("Person");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true } })).toEqual({
      firstName: "Kept",
    });
  });

  it("binds and returns dates and booleans as the Prisma client stores them", async () => {
    const user = await createTestUser();
    const when = new Date("2026-05-04T03:02:01.123Z");
    await writeTransaction((q) => q.run('UPDATE "User" SET "updatedAt" = ? WHERE "id" = ?', [when, user.id]));
    const viaPrisma = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { updatedAt: true } });
    expect(viaPrisma.updatedAt.toISOString()).toBe(when.toISOString());
    const [row] = await writeTransaction((q) =>
      q.rows<{ updatedAt: Date }>('SELECT "updatedAt" FROM "User" WHERE "id" = ?', [user.id]),
    );
    expect(row?.updatedAt).toBeInstanceOf(Date);
    expect(row?.updatedAt.toISOString()).toBe(when.toISOString());
  });

  it("reports a unique index's refusal so that callers can retry, and rolls the rest back", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const error = await writeTransaction(async (q) => {
      await q.run('UPDATE "User" SET "lastName" = ? WHERE "id" = ?', ["Before the clash", b.id]);
      await q.run('UPDATE "User" SET "username" = ? WHERE "id" = ?', [a.username, b.id]);
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await lastNameOf(b.id)).toBe("Person");
  });

  it("reports Prisma's own unique-violation error the same way", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const error = await db.user
      .update({ where: { id: b.id }, data: { username: a.username } })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe("newId", () => {
  it("makes cuid-shaped ids that sort in the order they were made", () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Within one millisecond the counter orders them; across milliseconds the time does.
    const sorted = [...ids].sort();
    const outOfOrder = ids.filter((id, i) => sorted[i] !== id);
    // The 4-digit counter wraps only every 1,679,616 ids.
    expect(outOfOrder).toEqual([]);
  });
});
