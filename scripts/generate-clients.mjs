// postinstall: generate both Prisma clients (SQLite and PostgreSQL) offline.
// `prisma generate` needs a DATABASE_URL whose scheme matches the provider; a placeholder is enough.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema, masterPath, derivedPath } from "./derive-postgres-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
mkdirSync(path.dirname(derivedPath), { recursive: true });
writeFileSync(derivedPath, derivePostgresSchema(readFileSync(masterPath, "utf8")));

const prisma = path.join(root, "node_modules/.bin/prisma");
const run = (config, url) =>
  execFileSync(prisma, ["generate", "--config", config], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
run("prisma.config.ts", "file:./data/placeholder.db");
run("prisma/postgres/prisma.config.ts", "postgresql://placeholder@127.0.0.1:5432/placeholder");
