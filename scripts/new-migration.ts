// Authors the next migration offline for both providers: a schema-to-schema diff between the
// snapshot of the last migrated schema and the current one (prisma migrate dev needs a shadow
// database and a download, neither of which these machines have).
// Authoring a PostgreSQL migration needs a reachable server (MIGRATION_PG_URL, default the local one);
// the diff itself reads no data and changes nothing.
// Usage: npm run db:new-migration -- add_customers
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
execFileSync("node", [path.join(root, "scripts/derive-postgres-schema.mjs")], { stdio: "inherit" });

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const targets = [
  { config: "prisma.config.ts", dir: "prisma", url: "file:./data/placeholder.db" },
  {
    config: "prisma/postgres/prisma.config.ts",
    dir: "prisma/postgres",
    url: process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];

for (const t of targets) {
  const schema = path.join(root, t.dir, "schema.prisma");
  const snapshot = path.join(root, t.dir, "migrations", "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script", "--config", t.config],
    { cwd: root, env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${t.dir}: no changes`);
    continue;
  }
  const dir = path.join(root, t.dir, "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schema, snapshot);
  console.log("wrote", path.relative(root, dir));
}
