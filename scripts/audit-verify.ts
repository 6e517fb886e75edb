// `npm run audit:verify [-- --anchor]`: checks the audit chain of DATABASE_URL and prints one line:
// intact / broken at the first bad event / truncated / head forged / anchor forged / unanchored,
// checked from the newest retention anchor. Exit code 0 only
// when intact.
import { existsSync } from "node:fs";
import { loadLocalSecrets, SECRETS_FILE } from "@/scripts/lib/local-secrets";

const hadSecretsFile = existsSync(SECRETS_FILE);
const { usedLocalFile } = loadLocalSecrets();
if (usedLocalFile && !hadSecretsFile) {
  console.warn(
    "warning: no AUTH_ENCRYPTION_KEY was configured, so a new local one was just generated; a head written under another key reads as forged.",
  );
}
// Imported after the secrets are in place: the database client reads the environment when loaded.
const { runAuditVerify } = await import("@/lib/audit/run-audit-verify");
const { db } = await import("@/lib/db");
const { exitCode, lines } = await runAuditVerify(process.argv.slice(2));
for (const line of lines) console.log(line);
await db.$disconnect();
process.exit(exitCode);
