import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { rawRead, STATEMENT_TIMEOUT_MS } from "@/lib/db-raw";
import { createTestUser } from "@/test/create-test-user";

// The driver path must read rows as Prisma does: dates as Date, booleans as boolean, on both databases.
describe("rawRead", () => {
  it("reads DATETIME and BOOLEAN columns as Date and boolean, and binds Date parameters", async () => {
    const user = await createTestUser();
    const at = new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 789));
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: at } });
    const [row] = await rawRead<{ id: string; passwordChangedAt: Date; emailVerifiedAt: Date | null }>(
      `SELECT u."id", u."passwordChangedAt", u."emailVerifiedAt" FROM "User" u WHERE u."id" = ? AND u."passwordChangedAt" = ?`,
      [user.id, at],
    );
    expect(row?.passwordChangedAt).toEqual(at);
    expect(row?.emailVerifiedAt).toBeInstanceOf(Date);
    const later = await rawRead(`SELECT "id" FROM "User" WHERE "id" = ? AND "passwordChangedAt" > ?`, [
      user.id,
      new Date(at.getTime() + 1),
    ]);
    expect(later).toEqual([]);
    const [role] = await rawRead<{ builtIn: unknown }>(`SELECT r."builtIn" FROM "Role" r WHERE r."key" = ?`, ["user"]);
    expect(role?.builtIn).toBe(true);
  });

  it("sees a write as soon as it is committed", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { status: "banned" } });
    const [row] = await rawRead<{ status: string }>(`SELECT "status" FROM "User" WHERE "id" = ?`, [user.id]);
    expect(row?.status).toBe("banned");
  });

  it.runIf(dbProvider === "postgresql")("runs with a statement timeout, UTC and ISO dates on PostgreSQL", async () => {
    const [row] = await rawRead<{ timeout: string; zone: string; style: string }>(
      `SELECT current_setting('statement_timeout') AS "timeout", current_setting('TimeZone') AS "zone",
        current_setting('DateStyle') AS "style"`,
    );
    expect(row).toEqual({
      timeout: `${STATEMENT_TIMEOUT_MS / 1000}s`,
      zone: "UTC",
      style: expect.stringMatching(/^ISO/),
    });
  });
});
