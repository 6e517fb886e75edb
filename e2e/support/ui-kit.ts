// Many users at once for table specs, written straight to the e2e database (no password that
// works: they are only rows to list). Every username starts with `marker`, so a search for it
// shows exactly these users.
import { randomBytes } from "node:crypto";
import { withE2eDb } from "./admin-session";

const FIRST_NAMES = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Ken", "Radia", "Linus", "Margaret"];
const LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Thompson", "Perlman"];

/** The text form Prisma's SQLite adapter writes and compares. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export type TableUser = { id: string; username: string; firstName: string; lastName: string; banned: boolean };

export function createTableUsers(
  count: number,
  options: { banned?: (i: number) => boolean; marker?: string } = {},
): { marker: string; users: TableUser[] } {
  const marker = options.marker ?? `tbl${randomBytes(3).toString("hex")}`;
  const users: TableUser[] = [];
  withE2eDb((db) => {
    const role = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = 'user'`).get() as { id: string };
    const insertUser = db.prepare(
      `INSERT INTO "User" ("id", "username", "email", "firstName", "lastName", "dateOfBirth", "passwordHash",
        "emailVerifiedAt", "totpEnabledAt", "status", "bannedAt", "banReason", "lastSignInAt", "passwordChangedAt",
        "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRole = db.prepare(`INSERT INTO "UserRole" ("userId", "roleId", "createdAt") VALUES (?, ?, ?)`);
    const base = Date.now() - count * 3_600_000;
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = `${marker}${String(i).padStart(3, "0")}`;
        const username = `${marker}u${String(i).padStart(2, "0")}`;
        const firstName = FIRST_NAMES[i % FIRST_NAMES.length]!;
        const lastName = LAST_NAMES[i % LAST_NAMES.length]!;
        const banned = options.banned?.(i) ?? false;
        const created = sqliteDate(new Date(base + i * 3_600_000));
        insertUser.run(
          id,
          username,
          `${username}@example.com`,
          firstName,
          lastName,
          sqliteDate(new Date(Date.UTC(1990, 0, 1))),
          i % 4 === 0 ? null : created,
          i % 3 === 0 ? created : null,
          banned ? "banned" : "active",
          banned ? created : null,
          banned ? "Seeded as banned" : null,
          i % 5 === 0 ? null : sqliteDate(new Date(Date.now() - i * 600_000)),
          created,
          created,
          created,
        );
        insertRole.run(id, role.id, created);
        users.push({ id, username, firstName, lastName, banned });
      }
    })();
  });
  return { marker, users };
}
