// The migration runner, against a throwaway SQLite file of its own (never the shared test database),
// plus a check that the run's own database (SQLite or PostgreSQL) is fully migrated.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/lib/db-migrate";
import { providerOf } from "@/lib/db-client";

const dir = mkdtempSync(path.join(os.tmpdir(), "opsdeck-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshUrl(name: string) {
  return { url: `file:${path.join(dir, `${name}.db`)}`, file: path.join(dir, `${name}.db`) };
}

describe("migrate", () => {
  it("applies every migration to a new database, then nothing the second time", async () => {
    const { url, file } = freshUrl("idempotent");
    const all = listMigrations("sqlite").map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);

    const db = new Database(file, { readonly: true });
    try {
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((t) => t.name);
      for (const table of ["User", "Session", "OneTimeToken", "AuditEvent", "EmailOutbox", "Role", "Permission"])
        expect(tables).toContain(table);
      const rows = db
        .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`)
        .all() as {
        migration_name: string;
        checksum: string;
        finished_at: string | null;
      }[];
      expect(rows.map((r) => r.migration_name)).toEqual(all);
      expect(rows.map((r) => r.checksum)).toEqual(listMigrations("sqlite").map((m) => m.checksum));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      db.close();
    }
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const { url, file } = freshUrl("edited");
    await migrate(url);
    const first = listMigrations("sqlite")[0]!;
    const db = new Database(file);
    try {
      // What the runner sees when the checked-in migration.sql no longer matches what was applied.
      db.prepare(`UPDATE "_prisma_migrations" SET checksum = ? WHERE migration_name = ?`).run(
        "0".repeat(64),
        first.name,
      );
    } finally {
      db.close();
    }
    await expect(migrate(url)).rejects.toThrow(`Migration ${first.name} was edited after it was applied`);
  });

  it("lists migrations with a SHA-256 checksum of their SQL, for both providers, under the same names", () => {
    const sqlite = listMigrations("sqlite");
    const postgres = listMigrations("postgresql");
    expect(postgres.map((m) => m.name)).toEqual(sqlite.map((m) => m.name));
    for (const m of [...sqlite, ...postgres]) {
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(m.sql.length).toBeGreaterThan(0);
    }
  });

  it("finds nothing left to apply on this run's database", async () => {
    const url = process.env.DATABASE_URL!;
    expect(["sqlite", "postgresql"]).toContain(providerOf(url));
    expect(await migrate(url)).toEqual([]);
  });
});
