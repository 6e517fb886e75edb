// `npm run db:seed`: roles, permissions and the first Super Admin (idempotent).
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
import { seedFromEnv } from "@/scripts/lib/prepare-database";

loadLocalSecrets();
await seedFromEnv();
console.log("seed: roles and permissions are up to date");
