// The PostgreSQL schema is generated from the master SQLite schema; a stale copy would give the
// two databases different models. Run `npm run db:derive-postgres` when this fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "@/scripts/derive-postgres-schema.mjs";

const root = path.resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");

describe("prisma/postgres/schema.prisma", () => {
  it("is exactly what scripts/derive-postgres-schema.mjs makes of prisma/schema.prisma", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it("differs from the master only in provider, client output and the generated-file note", () => {
    const derived = read("prisma/postgres/schema.prisma");
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain("generated/postgres");
    expect(derived).not.toContain('provider = "sqlite"');
  });
});
