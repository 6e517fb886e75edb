// Derives prisma/postgres/schema.prisma from the master SQLite schema: only the provider and the
// client output differ. A unit test fails when the committed derived file is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const masterPath = path.join(root, "prisma/schema.prisma");
export const derivedPath = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(master) {
  const out = master
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../generated/sqlite"', 'output     = "../../generated/postgres"')
    .replace(
      "// Master schema (SQLite).",
      "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs: do not edit.\n// Master schema (SQLite).",
    );
  if (out === master || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("derive-postgres-schema: master schema no longer matches the expected shape");
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(derivedPath), { recursive: true });
  writeFileSync(derivedPath, derivePostgresSchema(readFileSync(masterPath, "utf8")));
  console.log("wrote", path.relative(root, derivedPath));
}
