// SQLite and PostgreSQL each have their own migrations folder; every migration must exist in both,
// under the same name, or one provider's database silently lacks a change.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function migrationFolders(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full)
    .filter((name) => statSync(path.join(full, name)).isDirectory())
    .sort();
}

describe("migrations", () => {
  const sqlite = migrationFolders("prisma/migrations");
  const postgres = migrationFolders("prisma/postgres/migrations");

  it("exist", () => {
    expect(sqlite.length).toBeGreaterThan(0);
  });

  it("have the same folder names for SQLite and PostgreSQL", () => {
    expect(postgres).toEqual(sqlite);
  });

  it("each hold a migration.sql, named <14-digit timestamp>_<name>", () => {
    for (const dir of ["prisma/migrations", "prisma/postgres/migrations"]) {
      for (const name of migrationFolders(dir)) {
        expect(name, `${dir}/${name}`).toMatch(/^\d{14}_[a-z0-9_]+$/);
        expect(existsSync(path.join(root, dir, name, "migration.sql")), `${dir}/${name}/migration.sql`).toBe(true);
      }
    }
  });
});
