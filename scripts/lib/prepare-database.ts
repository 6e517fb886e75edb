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

export async function prepareDatabase(): Promise<void> {
  const applied = await migrate(getEnv().DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  await seedFromEnv();
}
