import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { beginImmediate, sqliteFilePath } from "@/lib/db-client";
import { env } from "@/lib/env";
import { createTestUser } from "@/test/create-test-user";

// Another request's transaction must not swallow a write made meanwhile, nor show its uncommitted
// rows (Prisma's SQLite adapter shares one connection: lib/db-client.ts queues around transactions).
describe("the database client under concurrent requests", () => {
  it("keeps a write made while another request's transaction is open, when that one rolls back", async () => {
    const user = await createTestUser();
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const other = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { lastName: "Uncommitted" } });
        inside();
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("rolled back");
      })
      .catch((error: Error) => error.message);
    await opened;
    const seen = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastName: true } });
    await db.user.update({ where: { id: user.id }, data: { firstName: "Kept" } });
    expect(await other).toBe("rolled back");
    expect(seen.lastName).toBe("Person");
    expect(
      await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true } }),
    ).toEqual({
      firstName: "Kept",
      lastName: "Person",
    });
  });

  // Another process on the same file (a second cluster worker, a script): a transaction that reads
  // and then writes must hold the write lock from its start, or a commit made in between makes its
  // write fail with SQLITE_BUSY instead of waiting.
  it.runIf(dbProvider === "sqlite")(
    "takes SQLite's write lock when a transaction begins, so another connection waits for it",
    async () => {
      const user = await createTestUser();
      const other = new Database(sqliteFilePath(env.DATABASE_URL), { timeout: 0 });
      const writeElsewhere = () => {
        try {
          other.prepare(`UPDATE "User" SET "firstName" = 'Elsewhere' WHERE "id" = ?`).run(user.id);
          return "written";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      try {
        const during = await db.$transaction(async (tx) => {
          await tx.user.findUniqueOrThrow({ where: { id: user.id } });
          const refused = writeElsewhere();
          await tx.user.update({ where: { id: user.id }, data: { lastName: "Inside" } });
          return refused;
        });
        expect(during).toBe("SQLITE_BUSY");
        expect(writeElsewhere()).toBe("written");
        expect(
          await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true } }),
        ).toEqual({ firstName: "Elsewhere", lastName: "Inside" });
      } finally {
        other.close();
      }
    },
  );

  it.runIf(dbProvider === "sqlite")(
    "waits for another connection's write lock without blocking the event loop",
    async () => {
      const file = sqliteFilePath(env.DATABASE_URL);
      const holder = new Database(file, { timeout: 0 });
      const waiter = new Database(file, { timeout: 10_000 });
      try {
        holder.exec("BEGIN IMMEDIATE");
        let ticks = 0;
        const ticker = setInterval(() => (ticks += 1), 10);
        setTimeout(() => holder.exec("COMMIT"), 300);
        const started = Date.now();
        await beginImmediate(waiter);
        clearInterval(ticker);
        expect(waiter.inTransaction).toBe(true);
        expect(Date.now() - started).toBeGreaterThanOrEqual(250);
        // The loop kept turning while it waited (a synchronous busy wait would leave this near 0).
        expect(ticks).toBeGreaterThan(10);
        expect(waiter.pragma("busy_timeout", { simple: true })).toBe(10_000);
        waiter.exec("ROLLBACK");
      } finally {
        if (holder.inTransaction) holder.exec("ROLLBACK");
        holder.close();
        waiter.close();
      }
    },
  );

  // A COMMIT that fails (here a foreign key checked at commit; in life a full disk or an I/O error)
  // must leave the client usable: the transaction rolled back, the next statements running.
  it.runIf(dbProvider === "sqlite")("stays usable after a transaction's COMMIT fails", async () => {
    const failed = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(
          `INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES ('no-such-user', 'no-such-role', ?)`,
          new Date(),
        );
      })
      .then(
        () => "committed",
        (error: Error) => error.message,
      );
    expect(failed).toMatch(/FOREIGN KEY|constraint/i);
    const next = await Promise.race([
      db.user.count().then(() => "answered"),
      new Promise((resolve) => setTimeout(() => resolve("stuck"), 3_000)),
    ]);
    expect(next).toBe("answered");
    expect(await db.userRole.count({ where: { userId: "no-such-user" } })).toBe(0);
  });
});
