// Creates a throwaway database for the integration run: a temporary SQLite file by default, or a
// new PostgreSQL database when TEST_DATABASE_PROVIDER=postgresql (PG_ADMIN_URL names the server).
// Migrates and seeds it, hands its URL to the test workers, and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyTestEnv, TEST_ADMIN } from "./test-env";

export default async function setup(project: TestProject) {
  applyTestEnv();
  const provider = process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
  let url: string;
  let cleanup: () => Promise<void>;
  if (provider === "postgresql") {
    const admin = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const name = `opsdeck_test_${process.pid}_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "opsdeck-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  process.env.DATABASE_URL = url;
  const { migrate } = await import("@/lib/db-migrate");
  await migrate(url);
  const { createPrismaClient } = await import("@/lib/db-client");
  const { seedDatabase } = await import("@/lib/seed/seed-database");
  const { hashPassword } = await import("@/lib/auth/password");
  const db = createPrismaClient(url);
  await seedDatabase(db, { adminPassword: TEST_ADMIN.password, adminEmail: TEST_ADMIN.email, hashPassword });
  await db.$disconnect();
  const { stopBcryptPool } = await import("@/lib/auth/bcrypt-pool");
  await stopBcryptPool();
  project.provide("databaseUrl", url);
  console.log(`integration database: ${provider}`);
  return cleanup;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
