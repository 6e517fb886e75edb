// Migrate, then seed: what every run command does before serving.
import { createPrismaClient } from "@/lib/db-client";
import { migrate } from "@/lib/db-migrate";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { stopBcryptPool } from "@/lib/auth/bcrypt-pool";
import { seedDatabase } from "@/lib/seed/seed-database";
import { printAdminBanner } from "@/scripts/lib/print-admin-banner";

/** Seeds roles, permissions and the first Super Admin from the environment (idempotent). */
export async function seedFromEnv(): Promise<void> {
  const env = getEnv();
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const result = await seedDatabase(db, {
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
      adminUsername: env.ADMIN_USERNAME,
      adminRolesRequire2fa: env.ADMIN_ROLES_REQUIRE_2FA,
      hashPassword,
    });
    printAdminBanner(result, env.ADMIN_ROLES_REQUIRE_2FA);
  } finally {
    await db.$disconnect();
    await stopBcryptPool();
  }
}

/**
 * Anchors the audit head of a log written before heads existed, right after the migration that
 * introduced them. Imported late: lib/db reads the environment when it loads, after local secrets.
 */
export async function anchorAfterUpgrade(applied: string[]): Promise<void> {
  const [{ anchorAuditHeadAfterUpgrade }, { db }] = await Promise.all([
    import("@/lib/audit/anchor-head-after-upgrade"),
    import("@/lib/db"),
  ]);
  try {
    const line = await anchorAuditHeadAfterUpgrade(applied);
    if (line) console.log(line);
  } finally {
    await db.$disconnect();
  }
}

export async function prepareDatabase(): Promise<void> {
  const applied = await migrate(getEnv().DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (applied.length) await anchorAfterUpgrade(applied);
  await seedFromEnv();
}
