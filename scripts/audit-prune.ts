// `npm run audit:prune [-- --days N --dry-run --force]`: deletes audit events older than the retention
// period from DATABASE_URL behind a signed anchor, and prints one line. `--days` below 30 needs
// `--force`; events an enabled SIEM stream has not delivered yet are kept (the line says how many).
// Exit code 1 when it stopped at an event that does not verify (nothing after it is pruned) or found
// a forged retention anchor.
import { existsSync } from "node:fs";
import { loadLocalSecrets, SECRETS_FILE } from "@/scripts/lib/local-secrets";

const hadSecretsFile = existsSync(SECRETS_FILE);
const { usedLocalFile } = loadLocalSecrets();
if (usedLocalFile && !hadSecretsFile) {
  console.warn(
    "warning: no AUTH_ENCRYPTION_KEY was configured, so a new local one was just generated; anchors written under another key read as forged.",
  );
}
// Imported after the secrets are in place: the database client reads the environment when loaded.
const { runAuditPrune } = await import("@/lib/audit/run-audit-prune");
const { db } = await import("@/lib/db");
const { exitCode, lines } = await runAuditPrune(process.argv.slice(2));
for (const line of lines) console.log(line);
await db.$disconnect();
process.exit(exitCode);
