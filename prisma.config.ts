// Prisma CLI configuration for the embedded default (SQLite). The CLI does not read .env here:
// scripts pass DATABASE_URL explicitly. Migrations are applied by scripts/migrate.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/placeholder.db" });
  },
});
