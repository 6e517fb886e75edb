// `npm run db:migrate`: apply pending migrations to DATABASE_URL (SQLite file or PostgreSQL).
import { migrate } from "@/lib/db-migrate";
import { getEnv } from "@/lib/env";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
import { anchorAfterUpgrade } from "@/scripts/lib/prepare-database";

loadLocalSecrets();
const applied = await migrate(getEnv().DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
if (applied.length) await anchorAfterUpgrade(applied);
