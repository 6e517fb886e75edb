// Role edits count on the very next request of a running server: the server caches what roles
// grant per process, and an edit made elsewhere (another instance, an admin, SQL by hand; here
// written straight to the e2e database) moves the access version that the cache is checked against.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE } from "./env";
import { freshContext, signUpAndSignIn } from "./helpers";

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE.replace(/^file:/, ""), { timeout: 10_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function me(page: Page) {
  const response = await page.request.get("/api/v1/me");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { roles: { key: string; name: string }[]; permissions: string[] } }).data;
}

test("a role's permissions, name and assignment, edited while the holder is signed in, count on their next request", async ({
  browser,
}) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const person = await signUpAndSignIn(page);
  const roleKey = `e2e_${randomUUID().slice(0, 8)}`;
  const now = new Date().toISOString();
  withDb((db) => {
    db.prepare(`UPDATE "User" SET "emailVerifiedAt" = ? WHERE "username" = ?`).run(now, person.username);
    db.prepare(
      `INSERT INTO "Role" ("id", "key", "name", "description", "builtIn", "requiresTwoFactor", "createdAt", "updatedAt")
       VALUES (?, ?, 'Night shift', '', 0, 0, ?, ?)`,
    ).run(randomUUID(), roleKey, now, now);
  });
  expect((await me(page)).permissions).not.toContain("analytics.read");

  withDb((db) =>
    db
      .prepare(
        `INSERT INTO "UserRole" ("userId", "roleId", "createdAt")
         SELECT u."id", r."id", ? FROM "User" u, "Role" r WHERE u."username" = ? AND r."key" = ?`,
      )
      .run(now, person.username, roleKey),
  );
  expect((await me(page)).roles).toContainEqual({ key: roleKey, name: "Night shift" });

  const grant = () =>
    withDb((db) =>
      db
        .prepare(
          `INSERT INTO "RolePermission" ("roleId", "permissionId")
           SELECT r."id", p."id" FROM "Role" r, "Permission" p WHERE r."key" = ? AND p."key" = 'analytics.read'`,
        )
        .run(roleKey),
    );
  grant();
  expect((await me(page)).permissions).toContain("analytics.read");

  withDb((db) => db.prepare(`UPDATE "Role" SET "name" = 'Day shift' WHERE "key" = ?`).run(roleKey));
  expect((await me(page)).roles).toContainEqual({ key: roleKey, name: "Day shift" });

  withDb((db) =>
    db.prepare(`DELETE FROM "RolePermission" WHERE "roleId" = (SELECT "id" FROM "Role" WHERE "key" = ?)`).run(roleKey),
  );
  expect((await me(page)).permissions).not.toContain("analytics.read");

  // And the pages agree: the sidebar follows the same permissions.
  grant();
  await page.goto("/dashboard");
  await expect(page.getByTestId("sidebar-panel").getByRole("link", { name: "Analytics" })).toBeVisible();
  withDb((db) => db.prepare(`DELETE FROM "Role" WHERE "key" = ?`).run(roleKey));
  await page.goto("/dashboard");
  await expect(page.getByTestId("sidebar-panel").getByRole("link", { name: "Analytics" })).toHaveCount(0);
  expect((await me(page)).roles.map((r) => r.key)).not.toContain(roleKey);
  await context.close();
});
