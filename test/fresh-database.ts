// A new, migrated, empty database on the same kind of server as the integration run's own (a
// temporary SQLite file, or a new PostgreSQL database), for tests that must not touch the shared
// one. Returns the client and a function that disconnects and removes the database.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, providerOf, type Db } from "@/lib/db-client";
import { migrate } from "@/lib/db-migrate";

export async function freshDatabase(label: string): Promise<{ db: Db; remove: () => Promise<void> }> {
  const runUrl = process.env.DATABASE_URL!;
  let url: string;
  let drop: () => Promise<void>;
  if (providerOf(runUrl) === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `opsdeck-${label}-`));
    url = `file:${path.join(dir, `${label}.db`)}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `opsdeck_${label}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const admin = new pg.Client({ connectionString: runUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(runUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: runUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrate(url);
  const db = createPrismaClient(url);
  return {
    db,
    remove: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}
