import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
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
});
